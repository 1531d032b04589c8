using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Cli.Output;

/// <summary>Writes the diagnostics of a lint run as text, JSON or SARIF 2.1.0.</summary>
public static class DiagnosticReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteText(TextWriter writer, IEnumerable<FileFindings> files)
    {
        foreach (var diagnostic in files.SelectMany(a => a.Diagnostics))
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    public static void WriteJson(TextWriter writer, IEnumerable<FileFindings> files)
    {
        var items = files.SelectMany(a => a.Diagnostics).Select(d => new
        {
            path = d.Path,
            line = d.Start.Line + 1,
            column = d.Start.Character + 1,
            endLine = d.End.Line + 1,
            endColumn = d.End.Character + 1,
            severity = d.Severity.ToText(),
            code = d.Code,
            message = d.Message,
            related = d.Related.IsEmpty ? null : d.Related.Select(r => new { path = r.Path, line = r.Start.Line + 1, column = r.Start.Character + 1, message = r.Message }),
            fixes = d.Fixes.IsEmpty ? null : d.Fixes.Select(f => new { title = f.Title, edits = f.Edits.Select(e => new { start = e.Span.Start, length = e.Span.Length, newText = e.NewText }) }),
        });
        writer.WriteLine(JsonSerializer.Serialize(items, Json));
    }

    public static void WriteSarif(TextWriter writer, IReadOnlyList<FileFindings> files)
    {
        var used = files.SelectMany(a => a.Diagnostics).Select(d => d.Descriptor).DistinctBy(d => d.Code).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        var index = used.Select((d, i) => (d.Code, i)).ToDictionary(p => p.Code, p => p.i);
        var rules = used.Select(d => new SarifRule(d.Code, PascalCase(d.Title), new SarifText(d.Title),
            new SarifConfiguration(Level(d.DefaultSeverity)), Help(d.Code))).ToList();
        var results = files.SelectMany(file => file.Diagnostics.Select(d => new SarifResult(
            d.Code,
            index[d.Code],
            Level(d.Severity),
            new SarifText(d.Message),
            [new SarifLocation(Physical(d.Path, d.Start, d.End))],
            d.Related.IsEmpty ? null : d.Related.Select(r => new SarifLocation(Physical(r.Path, r.Start, r.End), new SarifText(r.Message))).ToList(),
            d.Fixes.IsEmpty ? null : d.Fixes.Select(f => new SarifFix(new SarifText(f.Title), [new SarifArtifactChange(Artifact(d.Path),
                f.Edits.Select(e => new SarifReplacement(Region(file.Source, e.Span), new SarifText(e.NewText))).ToList())])).ToList()))).ToList();
        var version = typeof(DiagnosticReport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var log = new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0",
            [new SarifRun(new SarifTool(new SarifDriver("recipelang", version, rules)), results,
                new Dictionary<string, SarifArtifactLocation> { [SourceRoot] = new(new Uri(Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory) + Path.DirectorySeparatorChar).AbsoluteUri) })]);
        writer.WriteLine(JsonSerializer.Serialize(log, Json));
    }

    // The rule's page travels in the log (code scanning renders help.markdown), so no web address is needed.
    private static SarifMessage? Help(string code) =>
        RuleDocs.Find(code) is { } page ? new SarifMessage($"recipelang explain {code}", page) : null;

    private static SarifPhysicalLocation Physical(string path, LinePosition start, LinePosition end) =>
        new(Artifact(path), new SarifRegion(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1));

    private static SarifRegion Region(SourceText source, TextSpan span)
    {
        var start = source.GetPosition(span.Start);
        var end = source.GetPosition(span.End);
        return new SarifRegion(start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1);
    }

    private const string SourceRoot = "SRCROOT";

    /// <summary>
    /// A relative path becomes an escaped forward-slash URI under SRCROOT (the run's directory), as code scanning
    /// expects; an absolute one a file:// URI.
    /// </summary>
    private static SarifArtifactLocation Artifact(string path) =>
        Path.IsPathFullyQualified(path)
            ? new SarifArtifactLocation(new Uri(path).AbsoluteUri)
            : new SarifArtifactLocation(string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString)), SourceRoot);

    private static string PascalCase(string title) =>
        string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
