using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Configuration;

/// <summary>
/// Reads <c>recipelang.json</c> in three passes, each error at the token it is about: the reader's walk
/// (syntax, and where every key and value starts), the source-generated deserializer into
/// <see cref="SiteConfigJson"/> (shape: unknown keys, wrong types, missing properties; stops at the first),
/// then the checks that need the catalog (rule codes, severities, gases, formulas, limits), all collected.
/// </summary>
internal sealed partial class SiteConfigParser
{
    private static readonly JsonSerializerOptions Options = new(CatalogJson.Options)
    {
        TypeInfoResolver = SiteConfigJsonContext.Default,
    };

    private static readonly JsonTypeInfo<SiteConfigJson> TypeInfo = (JsonTypeInfo<SiteConfigJson>)Options.GetTypeInfo(typeof(SiteConfigJson));

    private readonly byte[] utf8;
    private readonly string path;
    private readonly TextPositions positions;
    private readonly List<ConfigError> errors = [];
    private JsonLocations locations = null!;
    private readonly HashSet<string> unitIds = new(StringComparer.Ordinal);

    public SiteConfigParser(string json, string path)
    {
        utf8 = Encoding.UTF8.GetBytes(json);
        this.path = path;
        positions = new TextPositions(utf8);
    }

    public SiteConfigResult Parse()
    {
        var readerOptions = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        if (!JsonLocations.TryRead(utf8, readerOptions, out var found, out var syntax))
        {
            var offset = positions.OffsetOf(syntax!.Line, syntax.BytePositionInLine);
            var message = syntax.AfterValue
                ? "Only one JSON object may be in the file; this comes after it."
                : positions.CharacterAt(offset) is { } character
                    ? $"Not valid JSON: unexpected '{character}' here."
                    : "Not valid JSON: the file ends before the object is closed.";
            return Failed(offset, message);
        }
        if (found is null)
            return Failed(0, "The config file holds no JSON value; write {} for the defaults.");
        locations = found;
        if (!locations.IsObject("$"))
            return Failed(locations.ValueAt("$") ?? 0, "The config must be a JSON object: { \"equipment\": { ... }, \"rules\": { ... } }.");

        SiteConfigJson json;
        try
        {
            var reader = new Utf8JsonReader(utf8, readerOptions);
            json = JsonSerializer.Deserialize(ref reader, TypeInfo)!;
        }
        catch (JsonException e)
        {
            var (message, offset) = JsonShapeError.Explain(e, TypeInfo, locations);
            return Failed(offset ?? positions.OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0), message);
        }

        var equipment = json.Equipment is null ? EquipmentProfile.Default : ReadEquipment(json.Equipment);
        var materials = ReadEach(json.Materials, "materials", ReadMaterial);
        var reagents = ReadEach(json.Reagents, "reagents", ReadReagent);
        var coatings = ReadEach(json.Coatings, "coatings", ReadCoating);
        var rules = ReadRules(json.Rules ?? []);
        var exclude = ReadEach(json.Exclude, "exclude", ReadGlob);
        var units = ReadEach(json.Units, "units", ReadUnit);
        var maxDiagnostics = json.MaxDiagnosticsPerFile ?? SiteConfig.DefaultMaxDiagnosticsPerFile;
        if (maxDiagnostics < 0)
            KeyError("$.maxDiagnosticsPerFile", "'maxDiagnosticsPerFile' must be a count, 0 or more (0 reports every diagnostic).");

        if (errors.Count > 0)
            return new SiteConfigResult(null, errors);
        var config = new SiteConfig(path, equipment with { Source = $"site config {path}" }, materials, reagents, coatings, rules, exclude) { Units = units, MaxDiagnosticsPerFile = maxDiagnostics };
        return new SiteConfigResult(config, []);
    }

    private SiteConfigResult Failed(long offset, string message)
    {
        ErrorAt(offset, message);
        return new SiteConfigResult(null, errors);
    }

    private List<TOut> ReadEach<TIn, TOut>(List<TIn>? items, string key, Func<TIn, string, TOut?> read) where TOut : class
    {
        var result = new List<TOut>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (read(items![i], JsonLocations.Element($"$.{key}", i)) is { } item)
                result.Add(item);
        }
        return result;
    }

    private MaterialInfo? ReadMaterial(MaterialJson json, string at)
    {
        if (!CatalogBuilder.TryBuildMaterial(json, RecipeCatalog.Default.Limits.NiRichThreshold.Value, out var material, out var error))
            return Error<MaterialInfo>(at, error!);
        var unknown = material.AllowedAtmospheres.Append(material.PreferredAtmosphere)
            .OfType<string>()
            .FirstOrDefault(a => RecipeCatalog.Default.FindAtmosphere(a) is null);
        return unknown is null
            ? material
            : Error<MaterialInfo>(at, $"Material '{material.Name}': unknown atmosphere '{unknown}'; expected {Names.Join(RecipeCatalog.Default.Atmospheres.Keys)}.");
    }

    private ReagentInfo? ReadReagent(ReagentJson json, string at)
    {
        if (!CatalogBuilder.TryBuildReagent(json, out var reagent, out var error))
            return Error<ReagentInfo>(at, error!);
        return reagent.Roles.FirstOrDefault(r => !ReagentRoles.All.Contains(r)) is { } role
            ? Error<ReagentInfo>(at, $"Reagent '{reagent.Name}': unknown role '{role}'; expected {Names.Join(ReagentRoles.All)}.")
            : reagent;
    }

    private CoatingInfo? ReadCoating(CoatingInfo coating, string at) =>
        coating.SurvivesUpToC <= -273.15 ? Error<CoatingInfo>(at, $"Coating '{coating.Name}': survivesUpToC must be above absolute zero.") : coating;

    private string? ReadGlob(string glob, string at) =>
        glob.Length > 0 ? glob : Error<string>(at, "Each 'exclude' entry must be a non-empty glob string, e.g. \"drafts/**/*.recipe\".");

    private Dictionary<string, RuleLevel> ReadRules(Dictionary<string, string> json)
    {
        var rules = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, value) in json)
        {
            var at = JsonLocations.Property("$.rules", code);
            if (!RuleCode().IsMatch(code))
                KeyError(at, $"'{code}' is not a rule code; codes look like RL3001.");
            else if (Descriptors.Find(code) is not { } descriptor)
                KeyError(at, $"Unknown rule '{code}'; `recipelang explain` lists the codes.");
            else if (!descriptor.IsConfigurable)
                KeyError(at, $"{descriptor.Code} is a syntax error; it cannot be turned off or lowered, only fixed in the recipe.");
            else if (!RuleLevels.TryParse(value, out var level))
                Error<object>(at, $"Unknown severity '{value}' for {code}; expected {Names.Join(RuleLevels.Names)}.");
            else
                rules[code] = level;
        }
        return rules;
    }

    private EquipmentProfile ReadEquipment(EquipmentJson json)
    {
        var profile = EquipmentProfile.Default;
        profile = profile with
        {
            FurnaceMaxC = Positive(json.FurnaceMaxC, "furnaceMaxC") ?? profile.FurnaceMaxC,
            AutoclaveMaxC = Positive(json.AutoclaveMaxC, "autoclaveMaxC") ?? profile.AutoclaveMaxC,
            AutoclaveRoutineMaxC = Positive(json.AutoclaveRoutineMaxC, "autoclaveRoutineMaxC") ?? profile.AutoclaveRoutineMaxC,
            AutoclaveMaxBar = Positive(json.AutoclaveMaxBar, "autoclaveMaxBar") ?? profile.AutoclaveMaxBar,
            SolidLiquidRatioGPerL = Positive(json.SolidLiquidRatioGPerL, "solidLiquidRatioGPerL") ?? profile.SolidLiquidRatioGPerL,
            GasFlowLPerMin = Positive(json.GasFlowLPerMin, "gasFlowLPerMin"),
            WashMlPerGram = Positive(json.WashMlPerGram, "washMlPerGram"),
            StirRpm = Positive(json.StirRpm, "stirRpm"),
            OpenBelowC = Positive(json.OpenBelowC, "openBelowC"),
            FurnaceHeaterKw = Positive(json.FurnaceHeaterKw, "furnaceHeaterKw"),
            AutoclaveHeaterKw = Positive(json.AutoclaveHeaterKw, "autoclaveHeaterKw"),
            DryerHeaterKw = Positive(json.DryerHeaterKw, "dryerHeaterKw"),
            MixerHeaterKw = Positive(json.MixerHeaterKw, "mixerHeaterKw"),
        };
        if (json.AutoclaveFillRatio is { } fill)
        {
            if (fill.Min is >= 0 and <= 100 && fill.Max is >= 0 and <= 100 && fill.Min <= fill.Max)
                profile = profile with { AutoclaveFillRatio = new Catalog.Range(fill.Min, fill.Max, "%", $"site config {path}") };
            else
                KeyError("$.equipment.autoclaveFillRatio", "'autoclaveFillRatio' must be { \"min\": 60, \"max\": 80 } in percent of the vessel volume (0–100), min not above max.");
        }
        if (json.Gases is { } gases && ReadGases(gases) is { } names)
            profile = profile with { Gases = names };
        if (profile.AutoclaveRoutineMaxC > profile.AutoclaveMaxC)
            KeyError(json.AutoclaveRoutineMaxC is null ? "$.equipment.autoclaveMaxC" : "$.equipment.autoclaveRoutineMaxC",
                $"autoclaveRoutineMaxC ({profile.AutoclaveRoutineMaxC}) is above autoclaveMaxC ({profile.AutoclaveMaxC}).");
        return profile;
    }

    private double? Positive(double? value, string key)
    {
        if (value is null or > 0)
            return value;
        Error<object>($"$.equipment.{key}", $"'{key}' must be a positive number.");
        return null;
    }

    /// <summary>One equipment unit (ISA-88): its id is an MQTT topic level, its class one the recipes are written against.</summary>
    private EquipmentUnit? ReadUnit(UnitJson json, string at)
    {
        if (json.Id.Length == 0 || json.Id.IndexOfAny(['/', '+', '#', ' ']) >= 0)
            return Error<EquipmentUnit>($"{at}.id", $"Unit id '{json.Id}' must be letters, digits, '-' or '_' (it is an MQTT topic level).");
        if (!unitIds.Add(json.Id))
            return Error<EquipmentUnit>($"{at}.id", $"Unit '{json.Id}' is listed twice.");
        if (!EquipmentUnit.Classes.Contains(json.Class))
            return Error<EquipmentUnit>($"{at}.class", $"Unknown unit class '{json.Class}'; expected {Names.Join(EquipmentUnit.Classes)}.");
        if (json.MaxC is <= 0)
            return Error<EquipmentUnit>($"{at}.maxC", "'maxC' must be a positive number.");
        if (json.MaxBar is <= 0)
            return Error<EquipmentUnit>($"{at}.maxBar", "'maxBar' must be a positive number.");
        var gases = json.Gases is { } written ? ReadGases(written, $"{at}.gases") : null;
        if (json.Gases is not null && gases is null)
            return null;
        var (line, column) = positions.AtOffset(locations.ValueAt(at) ?? 0);
        return new EquipmentUnit(json.Id, json.Class, json.MaxC, json.MaxBar, gases, json.Controller, line, column);
    }

    private List<string>? ReadGases(List<string> gases, string at = "$.equipment.gases")
    {
        var names = new List<string>();
        for (var i = 0; i < gases.Count; i++)
        {
            var atmosphere = RecipeCatalog.Default.FindAtmosphere(gases[i]);
            if (atmosphere is { IsVacuum: false })
            {
                names.Add(atmosphere.Name);
                continue;
            }
            var gasNames = RecipeCatalog.Default.Atmospheres.Values.Where(a => !a.IsVacuum).Select(a => a.Name);
            Error<object>(JsonLocations.Element(at, i), $"Unknown gas '{gases[i]}'; expected {Names.Join(gasNames)}.");
        }
        return names.Count == gases.Count ? names : null;
    }

    /// <summary>An error at the value at a JSON path; returns null so readers can return it.</summary>
    private T? Error<T>(string at, string message) where T : class
    {
        ErrorAt(locations.ValueAt(at) ?? 0, message);
        return null;
    }

    private void KeyError(string at, string message) => ErrorAt(locations.KeyAt(at) ?? 0, message);

    private void ErrorAt(long byteOffset, string message)
    {
        var (line, column) = positions.AtOffset(byteOffset);
        errors.Add(new ConfigError(path, line, column, message));
    }

    [GeneratedRegex(@"^RL\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex RuleCode();
}
