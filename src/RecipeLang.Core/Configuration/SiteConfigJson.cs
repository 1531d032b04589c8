using System.Text.Json.Serialization;
using RecipeLang.Catalog;

namespace RecipeLang.Configuration;

/// <summary>
/// <c>recipelang.json</c> as written, read by System.Text.Json's source-generated metadata. The JSON schema
/// (schemas/recipelang.schema.json) describes the same shape; a test keeps the two in step. Checks that need
/// the catalog (rule codes, gases, formulas) run on these records afterwards, in <see cref="SiteConfigParser"/>.
/// </summary>
internal sealed class SiteConfigJson
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    public EquipmentJson? Equipment { get; init; }
    public List<MaterialJson>? Materials { get; init; }
    public List<ReagentJson>? Reagents { get; init; }
    public List<CoatingInfo>? Coatings { get; init; }
    public Dictionary<string, string>? Rules { get; init; }
    public List<string>? Exclude { get; init; }
    public List<UnitJson>? Units { get; init; }
    public int? MaxDiagnosticsPerFile { get; init; }
}

/// <summary>One equipment unit as written; its limits replace the site-wide ones of its class.</summary>
internal sealed class UnitJson
{
    public required string Id { get; init; }
    public required string Class { get; init; }
    public double? MaxC { get; init; }
    public double? MaxBar { get; init; }
    public List<string>? Gases { get; init; }
    public string? Controller { get; init; }
}

/// <summary>The equipment keys; each one left out keeps its default in <see cref="EquipmentProfile"/>.</summary>
internal sealed class EquipmentJson
{
    public double? FurnaceMaxC { get; init; }
    public double? AutoclaveMaxC { get; init; }
    public double? AutoclaveRoutineMaxC { get; init; }
    public double? AutoclaveMaxBar { get; init; }
    public FillRatioJson? AutoclaveFillRatio { get; init; }
    public List<string>? Gases { get; init; }
    public double? SolidLiquidRatioGPerL { get; init; }
    public double? GasFlowLPerMin { get; init; }
    public double? WashMlPerGram { get; init; }
    public double? StirRpm { get; init; }
    public double? OpenBelowC { get; init; }
    public double? FurnaceHeaterKw { get; init; }
    public double? AutoclaveHeaterKw { get; init; }
    public double? DryerHeaterKw { get; init; }
    public double? MixerHeaterKw { get; init; }
}

/// <summary>The autoclave's fill-ratio window, percent of the vessel volume.</summary>
internal sealed class FillRatioJson
{
    public required double Min { get; init; }
    public required double Max { get; init; }
}

[JsonSerializable(typeof(SiteConfigJson))]
internal sealed partial class SiteConfigJsonContext : JsonSerializerContext;
