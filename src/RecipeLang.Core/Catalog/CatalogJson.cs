using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeLang.Catalog;

/// <summary>
/// The JSON shape of the catalog files (<c>Data/*.json</c>) and of the site additions in <c>recipelang.json</c>.
/// A file may hold any of the sections; records without derived fields are read directly.
/// </summary>
internal sealed class CatalogFile
{
    public List<MaterialJson>? Materials { get; init; }
    public List<ReagentJson>? Reagents { get; init; }
    public List<EutecticInfo>? Eutectics { get; init; }
    public List<CoatingInfo>? Coatings { get; init; }
    public List<AtmosphereInfo>? Atmospheres { get; init; }
    public List<DopantInfo>? Dopants { get; init; }
    public List<BinderInfo>? Binders { get; init; }
    public List<ConductiveInfo>? Conductives { get; init; }
    public List<DefectInfo>? Defects { get; init; }
    public List<OperationInfo>? Operations { get; init; }
    public List<VapourPressureCurve>? VapourPressure { get; init; }
}

/// <summary>A material as written; the Ni fraction and Ni-rich flag are derived when it is built.</summary>
internal sealed class MaterialJson
{
    public required string Name { get; init; }
    public required Dictionary<string, double> Composition { get; init; }
    public UnsplitMetals? Unsplit { get; init; }
    public required Range AnnealWindowC { get; init; }
    public required List<string> AllowedAtmospheres { get; init; }
    public string? PreferredAtmosphere { get; init; }
    public bool WaterSensitive { get; init; }
    public required string Source { get; init; }
    public string? Notes { get; init; }
}

/// <summary>A reagent as written; whether it carries lithium is derived from its formula.</summary>
internal sealed class ReagentJson
{
    public required string Name { get; init; }
    public required string Formula { get; init; }
    public List<string>? Aliases { get; init; }
    public required List<string> Roles { get; init; }
    public SourcedNumber? SolubilityM { get; init; }
    public SourcedNumber? MeltingPointC { get; init; }
    public SourcedNumber? DecompositionC { get; init; }
    public string? Notes { get; init; }
}

internal sealed record SourcedNumber(double Value, string Source);

internal static class CatalogJson
{
    /// <summary>
    /// camelCase properties, snake_case enums (<c>temperature_rate</c>, <c>dopant_amounts</c>), unknown
    /// properties rejected (a typo in a site file is an error, not silently ignored), nullable annotations
    /// enforced; comments and trailing commas allowed because people edit these files by hand.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
