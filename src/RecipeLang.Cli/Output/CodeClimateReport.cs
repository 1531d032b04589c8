using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeLang.Diagnostics;

namespace RecipeLang.Cli.Output;

/// <summary>
/// GitLab code quality (a subset of the Code Climate issue format): one issue per finding with a fingerprint
/// unique in the report, so merge requests show what is new and what is fixed.
/// </summary>
public static class CodeClimateReport
{
    public static void Write(TextWriter writer, IEnumerable<FileFindings> files)
    {
        var issues = new List<CodeClimateIssue>();
        foreach (var file in files)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in file.Diagnostics)
            {
                var fingerprint = Fingerprint.Of(file.Source.Path, d, file.Source);
                var occurrence = seen[fingerprint] = seen.GetValueOrDefault(fingerprint) + 1;
                issues.Add(new CodeClimateIssue(
                    "issue",
                    d.Code,
                    $"{d.Code}: {d.Message}",
                    [d.Code.StartsWith("RL3", StringComparison.Ordinal) || d.Code.StartsWith("RL4", StringComparison.Ordinal) ? "Bug Risk" : "Style"],
                    new CodeClimateLocation(file.Source.Path.Replace('\\', '/'), new CodeClimateLines(d.Start.Line + 1, d.End.Line + 1)),
                    Severity(d.Severity),
                    occurrence == 1 ? fingerprint : $"{fingerprint}-{occurrence}"));
            }
        }
        writer.WriteLine(JsonSerializer.Serialize(issues, CodeClimateJson.Readable.ListCodeClimateIssue));
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "critical",
        DiagnosticSeverity.Warning => "major",
        DiagnosticSeverity.Info => "minor",
        _ => "info",
    };
}

public sealed record CodeClimateIssue(
    string Type,
    [property: JsonPropertyName("check_name")] string CheckName,
    string Description,
    IReadOnlyList<string> Categories,
    CodeClimateLocation Location,
    string Severity,
    string Fingerprint);

public sealed record CodeClimateLocation(string Path, CodeClimateLines Lines);

public sealed record CodeClimateLines(int Begin, int End);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<CodeClimateIssue>))]
internal sealed partial class CodeClimateJson : JsonSerializerContext
{
    public static CodeClimateJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
