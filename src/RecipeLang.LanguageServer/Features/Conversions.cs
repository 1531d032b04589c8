using RecipeLang.Diagnostics;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Text;

namespace RecipeLang.LanguageServer.Features;

/// <summary>Between Core's spans and LSP's ranges (both count UTF-16 code units), and between URIs and paths.</summary>
public static class Conversions
{
    public static Range ToRange(this SourceText text, TextSpan span) =>
        new(ToPosition(text.GetPosition(span.Start)), ToPosition(text.GetPosition(span.End)));

    public static Range ToRange(LinePosition start, LinePosition end) => new(ToPosition(start), ToPosition(end));

    public static Position ToPosition(LinePosition position) => new(position.Line, position.Character);

    /// <summary>Offset of an LSP position; out-of-range positions are clamped, never an error.</summary>
    public static int ToOffset(this SourceText text, Position position) => text.GetOffset(new LinePosition(position.Line, position.Character));

    public static TextSpan ToSpan(this SourceText text, Range range)
    {
        var start = text.ToOffset(range.Start);
        var end = text.ToOffset(range.End);
        return TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }

    public static int ToLspSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => 1,
        DiagnosticSeverity.Warning => 2,
        DiagnosticSeverity.Info => 3,
        _ => 4,
    };

    /// <summary>The file path Core works with: a file URI's local path; any other URI (untitled:) as it is.</summary>
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    public static string ToUri(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : path;
}
