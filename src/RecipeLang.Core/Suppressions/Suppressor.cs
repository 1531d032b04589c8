using RecipeLang.Checking;
using RecipeLang.Configuration;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;

namespace RecipeLang.Suppressions;

/// <summary>
/// Removes the diagnostics that suppression comments accept and reports the comments themselves: unused
/// (RL5101), without a reason (RL5102), naming a code that does not exist or cannot be suppressed (RL5103).
/// Runs after the site's severities, so a rule turned off in recipelang.json leaves its suppressions unused.
/// </summary>
public static class Suppressor
{
    public static IEnumerable<Diagnostic> Apply(SyntaxTree tree, IReadOnlyList<Diagnostic> diagnostics, SiteConfig site)
    {
        // Most files have no suppression: a vectorised search of the text spares a walk over every token's trivia.
        if (!tree.Source.Contains(SuppressionComment.Directive))
            return diagnostics;
        var comments = SuppressionComment.FindAll(tree).ToList();
        if (comments.Count == 0)
            return diagnostics;

        var suppressed = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        var findings = new List<Diagnostic>();
        var source = tree.Source;
        foreach (var comment in comments)
        {
            if (comment.Codes.IsEmpty)
            {
                findings.Add(Descriptors.InvalidSuppression.Create(source, comment.Span,
                    $"Name the codes to suppress: '# {SuppressionComment.Directive} RL3010: reason'"));
                continue;
            }
            var used = false;
            foreach (var code in comment.Codes)
            {
                var descriptor = Descriptors.Find(code.Code);
                if (descriptor is null)
                {
                    findings.Add(Descriptors.InvalidSuppression.Create(source, code.Span, $"'{code.Code}' is not a diagnostic code; `recipelang explain` lists them"));
                    continue;
                }
                if (!descriptor.IsConfigurable)
                {
                    findings.Add(Descriptors.InvalidSuppression.Create(source, code.Span, $"{descriptor.Code} is a syntax error; it cannot be suppressed, only fixed"));
                    continue;
                }
                var matches = diagnostics.Where(d => d.Start.Line == comment.TargetLine && d.Descriptor == descriptor && d.Descriptor.IsConfigurable).ToList();
                if (matches.Count == 0)
                {
                    findings.Add(Unused(tree, comment, code));
                    continue;
                }
                used = true;
                suppressed.UnionWith(matches);
            }
            if (used && comment.Reason is null)
                findings.Add(Descriptors.SuppressionWithoutReason.Create(source, comment.Span, string.Join(", ", comment.Codes.Select(c => c.Code))));
        }
        var kept = diagnostics.Where(d => !suppressed.Contains(d)).Concat(Checker.Configure(findings, site)).ToList();
        DiagnosticOrder.Sort(kept);
        return kept;
    }

    private static Diagnostic Unused(SyntaxTree tree, SuppressionComment comment, SuppressedCode code)
    {
        var diagnostic = Descriptors.UnusedSuppression.Create(tree.Source, code.Span, code.Code, comment.TargetLine + 1);
        if (comment.Codes.Length > 1)
            return diagnostic;
        var line = tree.Source.GetLineSpan(comment.Line);
        var wholeLine = tree.Source[line].Trim() == tree.Source[comment.Span].Trim();
        var removal = wholeLine ? LineWithBreak(tree, comment.Line) : comment.Span;
        return diagnostic.WithFix("Remove the suppression", new Text.TextChange(removal, ""));
    }

    private static Text.TextSpan LineWithBreak(SyntaxTree tree, int line) =>
        line + 1 < tree.Source.LineCount
            ? Text.TextSpan.FromBounds(tree.Source.GetLineSpan(line).Start, tree.Source.GetLineSpan(line + 1).Start)
            : tree.Source.GetLineSpan(line);
}
