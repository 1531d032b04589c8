using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Suppressions;

/// <summary>
/// <c># recipelang-disable-next-line RL3010, RL3004: long hold is validated for this furnace</c>: the codes it
/// names are not reported on the line below it. The reason is required (reported when missing), so a reviewer
/// sees why a finding was accepted; a suppression that suppresses nothing is reported too.
/// </summary>
public sealed partial record SuppressionComment(TextSpan Span, int Line, ImmutableArray<SuppressedCode> Codes, string? Reason)
{
    public const string Directive = "recipelang-disable-next-line";

    /// <summary>The 0-based line whose diagnostics it suppresses.</summary>
    public int TargetLine => Line + 1;

    /// <summary>Every suppression comment of a file, in source order.</summary>
    public static IEnumerable<SuppressionComment> FindAll(SyntaxTree tree)
    {
        foreach (var token in tree.Root.Tokens())
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == TriviaKind.Comment && Parse(tree.Source, trivia.Span) is { } comment)
                    yield return comment;
            }
        }
    }

    private static SuppressionComment? Parse(SourceText source, TextSpan span)
    {
        var match = Pattern().Match(source[span]);
        if (!match.Success)
            return null;
        var list = match.Groups["codes"];
        var codes = CodePattern().Matches(list.Value)
            .Select(m => new SuppressedCode(m.Value.ToUpperInvariant(), new TextSpan(span.Start + list.Index + m.Index, m.Length)))
            .ToImmutableArray();
        var reason = match.Groups["reason"] is { Success: true } r && r.Value.Trim() is { Length: > 0 } text ? text : null;
        return new SuppressionComment(span, source.GetPosition(span.Start).Line, codes, reason);
    }

    [GeneratedRegex(@"^#\s*recipelang-disable-next-line(?![\w-])(?<codes>[^:]*)(:(?<reason>.*))?$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[^\s,]+")]
    private static partial Regex CodePattern();
}

/// <summary>One code a suppression names, with where it is written (diagnostics about it point there).</summary>
public sealed record SuppressedCode(string Code, TextSpan Span);
