using System.Text.RegularExpressions;
using RecipeLang.Diagnostics;

namespace RecipeLang.Core.Tests.Examples;

/// <summary>
/// A diagnostic as an example file states it in a comment, <c># expect: RL0003 at 3:6</c>: the code and the
/// 1-based line:column where the diagnostic starts. <see cref="ToString"/> writes the same form, so a failure
/// message can be pasted into the file.
/// </summary>
public sealed partial record ExpectedDiagnostic(string Code, int Line, int Column)
{
    public static ExpectedDiagnostic From(Diagnostic diagnostic) =>
        new(diagnostic.Code, diagnostic.Start.Line + 1, diagnostic.Start.Character + 1);

    /// <summary>The <c># expect:</c> lines of a file; a line that starts like one but does not parse is returned as malformed.</summary>
    public static (IReadOnlyList<ExpectedDiagnostic> Expected, IReadOnlyList<string> Malformed) Read(string text)
    {
        var expected = new List<ExpectedDiagnostic>();
        var malformed = new List<string>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()))
        {
            if (!ExpectPrefix().IsMatch(line))
            {
                continue;
            }
            var match = ExpectLine().Match(line);
            if (match.Success)
            {
                expected.Add(new ExpectedDiagnostic(match.Groups["code"].Value, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["column"].Value)));
            }
            else
            {
                malformed.Add(line);
            }
        }
        return (expected, malformed);
    }

    /// <summary>Multiset difference: what <paramref name="left"/> holds more often than <paramref name="right"/>.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> Except(IEnumerable<ExpectedDiagnostic> left, IEnumerable<ExpectedDiagnostic> right)
    {
        var remaining = right.ToList();
        var result = new List<ExpectedDiagnostic>();
        foreach (var item in left)
        {
            if (!remaining.Remove(item))
            {
                result.Add(item);
            }
        }
        return result.OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    public override string ToString() => $"# expect: {Code} at {Line}:{Column}";

    [GeneratedRegex(@"^#\s*expect\b")]
    private static partial Regex ExpectPrefix();

    [GeneratedRegex(@"^#\s*expect:\s*(?<code>RL\d{4})\s+at\s+(?<line>[1-9]\d*):(?<column>[1-9]\d*)$")]
    private static partial Regex ExpectLine();
}
