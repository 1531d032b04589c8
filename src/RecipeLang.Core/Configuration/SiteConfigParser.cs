using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Configuration;

/// <summary>
/// Reads <c>recipelang.json</c> with <see cref="Utf8JsonReader"/> so that every error, syntactic or
/// semantic (an unknown key, a severity that does not exist, a formula that does not parse), points at
/// the token it is about. Collects all semantic errors; stops at the first syntax error.
/// </summary>
internal sealed partial class SiteConfigParser
{
    private static readonly string[] TopLevelKeys = ["equipment", "units", "materials", "reagents", "coatings", "rules", "exclude"];

    private static readonly string[] UnitKeys = ["id", "class", "maxC", "maxBar", "gases", "controller"];

    private static readonly string[] EquipmentKeys =
        ["furnaceMaxC", "autoclaveMaxC", "autoclaveRoutineMaxC", "autoclaveMaxBar", "autoclaveFillRatio", "gases", "solidLiquidRatioGPerL",
         "gasFlowLPerMin", "washMlPerGram", "stirRpm", "openBelowC", "furnaceHeaterKw", "autoclaveHeaterKw", "dryerHeaterKw", "mixerHeaterKw"];

    private readonly byte[] utf8;
    private readonly string path;
    private readonly TextPositions positions;
    private readonly List<ConfigError> errors = [];

    private EquipmentProfile equipment = EquipmentProfile.Default;
    private readonly List<MaterialInfo> materials = [];
    private readonly List<ReagentInfo> reagents = [];
    private readonly List<CoatingInfo> coatings = [];
    private readonly Dictionary<string, RuleLevel> rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> exclude = [];
    private readonly List<EquipmentUnit> units = [];

    public SiteConfigParser(string json, string path)
    {
        utf8 = Encoding.UTF8.GetBytes(json);
        this.path = path;
        positions = new TextPositions(utf8);
    }

    public SiteConfigResult Parse()
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                ErrorAt(reader.TokenStartIndex, "The config must be a JSON object: { \"equipment\": { ... }, \"rules\": { ... } }.");
            }
            else
            {
                ReadTopLevel(ref reader);
                reader.Read(); // throws on anything after the object
            }
        }
        catch (JsonException e)
        {
            var (line, column) = positions.AtLine(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var message = reader.TokenType == JsonTokenType.None
                ? "The config file holds no JSON value; write {} for the defaults."
                : CleanMessage(e);
            errors.Add(new ConfigError(path, line, column, message));
        }

        if (errors.Count > 0)
            return new SiteConfigResult(null, errors);
        var config = new SiteConfig(path, equipment with { Source = $"site config {path}" }, materials, reagents, coatings, rules, exclude) { Units = units };
        return new SiteConfigResult(config, []);
    }

    private void ReadTopLevel(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = reader.TokenStartIndex;
            var key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "$schema":
                    reader.Skip();
                    break;
                case "equipment":
                    ReadEquipment(ref reader);
                    break;
                case "units":
                    ReadArray(ref reader, key, ReadUnit);
                    break;
                case "materials":
                    ReadArray(ref reader, key, ReadMaterial);
                    break;
                case "reagents":
                    ReadArray(ref reader, key, ReadReagent);
                    break;
                case "coatings":
                    ReadArray(ref reader, key, ReadCoating);
                    break;
                case "rules":
                    ReadRules(ref reader);
                    break;
                case "exclude":
                    ReadArray(ref reader, key, ReadGlob);
                    break;
                default:
                    ErrorAt(keyStart, $"Unknown setting '{key}'; expected {Join(TopLevelKeys)}.");
                    reader.Skip();
                    break;
            }
        }
    }

    private delegate void ElementReader(ref Utf8JsonReader reader);

    private void ReadArray(ref Utf8JsonReader reader, string key, ElementReader readElement)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ErrorAt(reader.TokenStartIndex, $"'{key}' must be an array [ ... ].");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            readElement(ref reader);
    }

    private void ReadMaterial(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        var json = JsonSerializer.Deserialize<MaterialJson>(ref reader, CatalogJson.Options);
        if (json is null)
            ErrorAt(start, "A material must be an object.");
        else if (!CatalogBuilder.TryBuildMaterial(json, RecipeCatalog.Default.Limits.NiRichThreshold.Value, out var material, out var error))
            ErrorAt(start, error!);
        else if (CheckAtmospheres(start, material))
            materials.Add(material);
    }

    private bool CheckAtmospheres(long start, MaterialInfo material)
    {
        var unknown = material.AllowedAtmospheres.Append(material.PreferredAtmosphere)
            .OfType<string>()
            .FirstOrDefault(a => RecipeCatalog.Default.FindAtmosphere(a) is null);
        if (unknown is null)
            return true;
        ErrorAt(start, $"Material '{material.Name}': unknown atmosphere '{unknown}'; expected {Join(RecipeCatalog.Default.Atmospheres.Keys)}.");
        return false;
    }

    private void ReadReagent(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        var json = JsonSerializer.Deserialize<ReagentJson>(ref reader, CatalogJson.Options);
        if (json is null)
            ErrorAt(start, "A reagent must be an object.");
        else if (!CatalogBuilder.TryBuildReagent(json, out var reagent, out var error))
            ErrorAt(start, error!);
        else if (reagent.Roles.FirstOrDefault(r => !ReagentRoles.All.Contains(r)) is { } role)
            ErrorAt(start, $"Reagent '{reagent.Name}': unknown role '{role}'; expected {Join(ReagentRoles.All)}.");
        else
            reagents.Add(reagent);
    }

    private void ReadCoating(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        var coating = JsonSerializer.Deserialize<CoatingInfo>(ref reader, CatalogJson.Options);
        if (coating is null)
            ErrorAt(start, "A coating must be an object.");
        else if (coating.SurvivesUpToC <= -273.15)
            ErrorAt(start, $"Coating '{coating.Name}': survivesUpToC must be above absolute zero.");
        else
            coatings.Add(coating);
    }

    private void ReadGlob(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } glob)
            exclude.Add(glob);
        else
            ErrorAt(reader.TokenStartIndex, "Each 'exclude' entry must be a non-empty glob string, e.g. \"drafts/**/*.recipe\".");
        reader.Skip();
    }

    private void ReadRules(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ErrorAt(reader.TokenStartIndex, "'rules' must be an object: { \"RL3001\": \"warning\" }.");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = reader.TokenStartIndex;
            var code = reader.GetString()!;
            reader.Read();
            var valueStart = reader.TokenStartIndex;
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();

            if (!RuleCode().IsMatch(code))
                ErrorAt(keyStart, $"'{code}' is not a rule code; codes look like RL3001.");
            else if (Descriptors.Find(code) is not { } descriptor)
                ErrorAt(keyStart, $"Unknown rule '{code}'; `recipelang explain` lists the codes.");
            else if (!descriptor.IsConfigurable)
                ErrorAt(keyStart, $"{descriptor.Code} is a syntax error; it cannot be turned off or lowered, only fixed in the recipe.");
            else if (value is null || !RuleLevels.TryParse(value, out var level))
                ErrorAt(valueStart, $"Unknown severity {(value is null ? "value" : $"'{value}'")} for {code}; expected {Join(RuleLevels.Names)}.");
            else
                rules[code] = level;
        }
    }

    private void ReadEquipment(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ErrorAt(reader.TokenStartIndex, "'equipment' must be an object: { \"furnaceMaxC\": 1100 }.");
            reader.Skip();
            return;
        }
        var profile = EquipmentProfile.Default;
        long routineKey = -1, fillKey = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = reader.TokenStartIndex;
            var key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "furnaceMaxC":
                    if (ReadPositive(ref reader, key) is { } furnace)
                        profile = profile with { FurnaceMaxC = furnace };
                    break;
                case "autoclaveMaxC":
                    if (ReadPositive(ref reader, key) is { } autoclave)
                        profile = profile with { AutoclaveMaxC = autoclave };
                    break;
                case "autoclaveRoutineMaxC":
                    routineKey = keyStart;
                    if (ReadPositive(ref reader, key) is { } routine)
                        profile = profile with { AutoclaveRoutineMaxC = routine };
                    break;
                case "autoclaveMaxBar":
                    if (ReadPositive(ref reader, key) is { } bar)
                        profile = profile with { AutoclaveMaxBar = bar };
                    break;
                case "solidLiquidRatioGPerL":
                    if (ReadPositive(ref reader, key) is { } ratio)
                        profile = profile with { SolidLiquidRatioGPerL = ratio };
                    break;
                case "gasFlowLPerMin":
                    if (ReadPositive(ref reader, key) is { } flow)
                        profile = profile with { GasFlowLPerMin = flow };
                    break;
                case "washMlPerGram":
                    if (ReadPositive(ref reader, key) is { } wash)
                        profile = profile with { WashMlPerGram = wash };
                    break;
                case "stirRpm":
                    if (ReadPositive(ref reader, key) is { } rpm)
                        profile = profile with { StirRpm = rpm };
                    break;
                case "openBelowC":
                    if (ReadPositive(ref reader, key) is { } open)
                        profile = profile with { OpenBelowC = open };
                    break;
                case "furnaceHeaterKw":
                    if (ReadPositive(ref reader, key) is { } furnaceKw)
                        profile = profile with { FurnaceHeaterKw = furnaceKw };
                    break;
                case "autoclaveHeaterKw":
                    if (ReadPositive(ref reader, key) is { } autoclaveKw)
                        profile = profile with { AutoclaveHeaterKw = autoclaveKw };
                    break;
                case "dryerHeaterKw":
                    if (ReadPositive(ref reader, key) is { } dryerKw)
                        profile = profile with { DryerHeaterKw = dryerKw };
                    break;
                case "mixerHeaterKw":
                    if (ReadPositive(ref reader, key) is { } mixerKw)
                        profile = profile with { MixerHeaterKw = mixerKw };
                    break;
                case "autoclaveFillRatio":
                    fillKey = keyStart;
                    if (ReadFillRatio(ref reader) is { } fill)
                        profile = profile with { AutoclaveFillRatio = fill };
                    break;
                case "gases":
                    if (ReadGases(ref reader) is { } gases)
                        profile = profile with { Gases = gases };
                    break;
                default:
                    ErrorAt(keyStart, $"Unknown equipment setting '{key}'; expected {Join(EquipmentKeys)}.");
                    reader.Skip();
                    break;
            }
        }
        if (profile.AutoclaveRoutineMaxC > profile.AutoclaveMaxC)
            ErrorAt(routineKey >= 0 ? routineKey : 0, $"autoclaveRoutineMaxC ({profile.AutoclaveRoutineMaxC}) is above autoclaveMaxC ({profile.AutoclaveMaxC}).");
        if (profile.AutoclaveFillRatio.Min > profile.AutoclaveFillRatio.Max)
            ErrorAt(fillKey >= 0 ? fillKey : 0, "autoclaveFillRatio: min is above max.");
        equipment = profile;
    }

    /// <summary>{ "id": "furnace-2", "class": "furnace", "maxC": 950, "gases": ["air", "N2"], "controller": "mqtt://plc-7:1883" }</summary>
    private void ReadUnit(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ErrorAt(start, "A unit must be an object: { \"id\": \"furnace-2\", \"class\": \"furnace\", \"maxC\": 950 }.");
            reader.Skip();
            return;
        }
        string? id = null, unitClass = null, controller = null;
        double? maxC = null, maxBar = null;
        List<string>? gases = null;
        var errorsBefore = errors.Count;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyStart = reader.TokenStartIndex;
            var key = reader.GetString()!;
            reader.Read();
            switch (key)
            {
                case "id":
                    id = ReadString(ref reader, key);
                    if (id is not null && (id.Length == 0 || id.IndexOfAny(['/', '+', '#', ' ']) >= 0))
                        ErrorAt(keyStart, $"Unit id '{id}' must be letters, digits, '-' or '_' (it is an MQTT topic level).");
                    else if (id is not null && units.Any(u => u.Id == id))
                        ErrorAt(keyStart, $"Unit '{id}' is listed twice.");
                    break;
                case "class":
                    unitClass = ReadString(ref reader, key);
                    if (unitClass is not null && !EquipmentUnit.Classes.Contains(unitClass))
                        ErrorAt(keyStart, $"Unknown unit class '{unitClass}'; expected {Join(EquipmentUnit.Classes)}.");
                    break;
                case "maxC":
                    maxC = ReadPositive(ref reader, key);
                    break;
                case "maxBar":
                    maxBar = ReadPositive(ref reader, key);
                    break;
                case "gases":
                    gases = ReadGases(ref reader);
                    break;
                case "controller":
                    controller = ReadString(ref reader, key);
                    break;
                default:
                    ErrorAt(keyStart, $"Unknown unit setting '{key}'; expected {Join(UnitKeys)}.");
                    reader.Skip();
                    break;
            }
        }
        if (id is null || unitClass is null)
        {
            ErrorAt(start, "A unit needs an \"id\" and a \"class\".");
            return;
        }
        if (errors.Count > errorsBefore)
            return;
        var (line, column) = positions.AtOffset(start);
        units.Add(new EquipmentUnit(id, unitClass, maxC, maxBar, gases, controller, line, column));
    }

    private string? ReadString(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType == JsonTokenType.String)
            return reader.GetString();
        ErrorAt(reader.TokenStartIndex, $"'{key}' must be a string.");
        reader.Skip();
        return null;
    }

    private double? ReadPositive(ref Utf8JsonReader reader, string key)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && value > 0)
            return value;
        ErrorAt(start, $"'{key}' must be a positive number.");
        reader.Skip();
        return null;
    }

    private Catalog.Range? ReadFillRatio(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        double? min = null, max = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString();
                reader.Read();
                double? number = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var n) ? n : null;
                reader.Skip();
                if (key == "min") min = number;
                else if (key == "max") max = number;
                else min = max = null;
            }
        }
        else
        {
            reader.Skip();
        }
        if (min is >= 0 and <= 100 && max is >= 0 and <= 100)
            return new Catalog.Range(min.Value, max.Value, "%", $"site config {path}");
        ErrorAt(start, "'autoclaveFillRatio' must be { \"min\": 60, \"max\": 80 } in percent of the vessel volume (0–100).");
        return null;
    }

    private List<string>? ReadGases(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ErrorAt(reader.TokenStartIndex, "'gases' must be an array of atmosphere names, e.g. [\"O2\", \"air\"].");
            reader.Skip();
            return null;
        }
        var gases = new List<string>();
        var ok = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader.TokenStartIndex;
            var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            var atmosphere = name is null ? null : RecipeCatalog.Default.FindAtmosphere(name);
            if (atmosphere is null || atmosphere.IsVacuum)
            {
                var gasNames = RecipeCatalog.Default.Atmospheres.Values.Where(a => !a.IsVacuum).Select(a => a.Name);
                ErrorAt(start, $"Unknown gas {(name is null ? "value" : $"'{name}'")}; expected {Join(gasNames)}.");
                ok = false;
            }
            else
            {
                gases.Add(atmosphere.Name);
            }
        }
        return ok ? gases : null;
    }

    private void ErrorAt(long byteOffset, string message)
    {
        var (line, column) = positions.AtOffset(byteOffset);
        errors.Add(new ConfigError(path, line, column, message));
    }

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list.SkipLast(1)) + " or " + list[^1];
    }

    // System.Text.Json appends "Path: $.x | LineNumber: 2 | BytePositionInLine: 4." — the location is reported separately.
    // The serializer's messages name .NET types, which mean nothing to the file's author: say it in the file's terms.
    private static string CleanMessage(JsonException e)
    {
        var text = JsonLocationSuffix().Replace(e.Message, "").Trim();
        text = UnmappedMember().Replace(text, "The property '$1' is not a known setting here.");
        text = MissingRequired().Replace(text, "Missing required properties: $1");
        if (!NotConvertible().IsMatch(text))
            return text;
        var property = e.Path?.Split('.', '[').LastOrDefault(p => p.Length > 0 && p != "$") ?? "value";
        var expected = e.InnerException?.Message is { } inner && ExpectedToken().Match(inner) is { Success: true } m
            ? $"; expected {(m.Groups[1].Value == "number" ? "a number" : m.Groups[1].Value == "string" ? "a string" : "true or false")}"
            : "";
        return $"'{property.TrimEnd(']')}' has a value of the wrong type or an unknown name{expected}.";
    }

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped to any \.NET member contained in type '[^']*'\.")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"JSON deserialization for type '[^']*' was missing required properties(?: including)?: (.*)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^The JSON value could not be converted to ")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"as a (number|string|boolean)")]
    private static partial Regex ExpectedToken();

    [GeneratedRegex(@"^RL\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex RuleCode();

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonLocationSuffix();
}
