using System.IO.Abstractions;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Configuration;

/// <summary>
/// A site's <c>recipelang.json</c>: equipment limits, extra materials, reagents and coatings, rule
/// severities and files to leave out of linting. Documented in docs/configuration.md.
/// </summary>
public sealed class SiteConfig
{
    public const string FileName = "recipelang.json";

    private RecipeCatalog? _catalog;

    internal SiteConfig(
        string? path,
        EquipmentProfile equipment,
        IReadOnlyList<MaterialInfo> materials,
        IReadOnlyList<ReagentInfo> reagents,
        IReadOnlyList<CoatingInfo> coatings,
        IReadOnlyDictionary<string, RuleLevel> rules,
        IReadOnlyList<string> exclude)
    {
        Path = path;
        Equipment = equipment;
        Materials = materials;
        Reagents = reagents;
        Coatings = coatings;
        Rules = rules;
        Exclude = exclude;
    }

    /// <summary>No file: default equipment, nothing added, every rule at its default severity.</summary>
    public static SiteConfig Default { get; } = new(
        null, EquipmentProfile.Default, [], [], [], new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>
    /// The built-in catalog with this site's equipment, materials, reagents and coatings; built once per config, so
    /// every document under one recipelang.json shares it.
    /// </summary>
    public RecipeCatalog Catalog => _catalog ??= Materials.Count == 0 && Reagents.Count == 0 && Coatings.Count == 0 && Equipment == RecipeCatalog.Default.Equipment
        ? RecipeCatalog.Default
        : RecipeCatalog.Default.With(Equipment, Materials, Reagents, Coatings);

    /// <summary>The file this came from; null for <see cref="Default"/>.</summary>
    public string? Path { get; }

    public EquipmentProfile Equipment { get; }
    public IReadOnlyList<MaterialInfo> Materials { get; }
    public IReadOnlyList<ReagentInfo> Reagents { get; }
    public IReadOnlyList<CoatingInfo> Coatings { get; }

    /// <summary>Rule code (RL3001) → level, case-insensitive codes.</summary>
    public IReadOnlyDictionary<string, RuleLevel> Rules { get; }

    /// <summary>The site's equipment units, in file order (empty when the file lists none).</summary>
    public IReadOnlyList<EquipmentUnit> Units { get; internal init; } = [];

    /// <summary>Glob patterns, relative to the config file's directory, of recipes not to lint.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>Diagnostics reported per file at most, then one RL0011 counts the rest; 0 reports all.</summary>
    public int MaxDiagnosticsPerFile { get; internal init; } = DefaultMaxDiagnosticsPerFile;

    public const int DefaultMaxDiagnosticsPerFile = 1000;

    /// <summary>This site with other equipment limits: the profile of the units a plan is bound to (compile --unit).</summary>
    public SiteConfig WithEquipment(EquipmentProfile equipment) =>
        new(Path, equipment, Materials, Reagents, Coatings, Rules, Exclude) { Units = Units, MaxDiagnosticsPerFile = MaxDiagnosticsPerFile };

    /// <summary>The severity a rule reports with here: the configured level, else its default; null when off.</summary>
    public DiagnosticSeverity? SeverityFor(string code, DiagnosticSeverity defaultSeverity) =>
        Rules.TryGetValue(code, out var level) ? level.ToSeverity() : defaultSeverity;

    /// <summary>Parses config text; <paramref name="path"/> is only used in error locations and <see cref="Path"/>.</summary>
    public static SiteConfigResult Parse(string json, string path) => new SiteConfigParser(json, path).Parse();

    /// <summary>Reads and parses a config file; an unreadable file is an error at 1:1, not an exception.</summary>
    public static SiteConfigResult Load(IFileSystem fileSystem, string path) => Load(fileSystem, path, out _);

    /// <summary>Reads and parses a config file, and gives the text parsed (null when the file could not be read).</summary>
    public static SiteConfigResult Load(IFileSystem fileSystem, string path, out string? text)
    {
        try
        {
            text = fileSystem.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = null;
            return new SiteConfigResult(null, [new ConfigError(path, 1, 1, $"Cannot read the config file: {e.Message}")]);
        }
        return Parse(text, path);
    }
}
