using RecipeLang.Diagnostics;

namespace RecipeLang.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>): the runner turns each line on
/// stdout into an annotation on the pull request's diff, no upload step needed.
/// </summary>
public static class GitHubAnnotations
{
    public static void Write(TextWriter writer, IEnumerable<FileFindings> files)
    {
        foreach (var d in files.SelectMany(a => a.Diagnostics))
        {
            var command = d.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            writer.WriteLine($"::{command} file={Property(d.Path.Replace('\\', '/'))},line={d.Start.Line + 1},col={d.Start.Character + 1},"
                + $"endLine={d.End.Line + 1},endColumn={d.End.Character + 1},title={Property($"{d.Code} {d.Descriptor.Title}")}::{Data(d.Message)}");
        }
    }

    // The runner's escaping (actions/toolkit, command.ts): data escapes %, CR and LF; properties also ':' and ','.
    private static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
