using System.Text.Json.Serialization;

namespace RecipeLang.Cli.Output;

// The subset of SARIF 2.1.0 that code-scanning services read. Written as records because the SARIF SDK
// package does not restore from the registry this project builds from (a dependency of it is missing there).
public sealed record SarifLog(
    [property: JsonPropertyName("$schema")] string Schema,
    string Version,
    IReadOnlyList<SarifRun> Runs);

/// <summary>One run; <c>originalUriBaseIds</c> maps SRCROOT to the folder relative result paths are under (the working directory).</summary>
public sealed record SarifRun(SarifTool Tool, IReadOnlyList<SarifResult> Results, IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds, string ColumnKind = "utf16CodeUnits");

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string Version, IReadOnlyList<SarifRule> Rules);

public sealed record SarifRule(string Id, string Name, SarifText ShortDescription, SarifConfiguration DefaultConfiguration, SarifMessage? Help);

public sealed record SarifMessage(string Text, string Markdown);

public sealed record SarifConfiguration(string Level);

public sealed record SarifText(string Text);

public sealed record SarifResult(
    string RuleId,
    int RuleIndex,
    string Level,
    SarifText Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyList<SarifLocation>? RelatedLocations,
    IReadOnlyList<SarifFix>? Fixes);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, SarifText? Message = null);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion Region);

public sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int EndColumn);

public sealed record SarifFix(SarifText Description, IReadOnlyList<SarifArtifactChange> ArtifactChanges);

public sealed record SarifArtifactChange(SarifArtifactLocation ArtifactLocation, IReadOnlyList<SarifReplacement> Replacements);

public sealed record SarifReplacement(SarifRegion DeletedRegion, SarifText InsertedContent);
