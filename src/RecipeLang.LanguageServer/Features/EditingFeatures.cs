using RecipeLang.Formatting;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>Formatting (the Core formatter) and code actions (the checker's fixes).</summary>
public static class EditingFeatures
{
    /// <summary>One edit replacing the whole document, or none when it is formatted or has syntax errors.</summary>
    public static TextEdit[] Format(DocumentAnalysis analysis)
    {
        var formatted = Formatter.Format(analysis.Tree);
        if (formatted is null || formatted == analysis.Source.Text)
        {
            return [];
        }
        return [new TextEdit(analysis.Source.ToRange(new Text.TextSpan(0, analysis.Source.Length)), formatted)];
    }

    /// <summary>
    /// Range formatting formats the whole statements the range touches: the layout of one statement does not depend
    /// on its neighbours except for <c>then</c>, so the document is formatted and only lines in the range are kept.
    /// </summary>
    public static TextEdit[] FormatRange(DocumentAnalysis analysis, Range range)
    {
        var edits = Format(analysis);
        if (edits.Length == 0)
        {
            return [];
        }
        var source = analysis.Source;
        var formatted = new Text.SourceText(edits[0].NewText);
        var before = source.Text.Split('\n');
        var after = formatted.Text.Split('\n');
        // Only when formatting keeps the line structure can a range be replaced line by line; else format it all.
        if (before.Length != after.Length)
        {
            return edits;
        }
        var result = new List<TextEdit>();
        for (var line = Math.Max(0, range.Start.Line); line <= Math.Min(range.End.Line, before.Length - 1); line++)
        {
            if (before[line].TrimEnd('\r') != after[line])
            {
                result.Add(new TextEdit(new Range(new Position(line, 0), new Position(line, before[line].TrimEnd('\r').Length)), after[line]));
            }
        }
        return [.. result];
    }

    public const string QuickFix = "quickfix";

    /// <summary>
    /// The fixes of the diagnostics that touch the range (found through the analysis's index, so a request on a
    /// huge file costs what the range holds). With <c>context.only</c>, only kinds it asks for: all of this
    /// server's actions are quick fixes, so a request for another kind (source, refactor) gets none.
    /// </summary>
    public static CodeAction[] CodeActions(DocumentAnalysis analysis, string uri, Range range, string[]? only, string? ruleDocsUri)
    {
        if (only is { Length: > 0 } && !only.Any(kind => kind.Length == 0 || kind == QuickFix || QuickFix.StartsWith(kind + ".", StringComparison.Ordinal)))
        {
            return [];
        }
        var span = analysis.Source.ToSpan(range);
        var actions = new List<CodeAction>();
        foreach (var diagnostic in analysis.DiagnosticsIn(span).Where(d => !d.Fixes.IsEmpty))
        {
            var lspDiagnostic = DiagnosticsPublisher.Convert(diagnostic, ruleDocsUri);
            foreach (var fix in diagnostic.Fixes)
            {
                var edits = fix.Edits.Select(e => new TextEdit(analysis.Source.ToRange(e.Span), e.NewText)).ToArray();
                actions.Add(new CodeAction(fix.Title, QuickFix, [lspDiagnostic], diagnostic.Fixes.Length == 1, new WorkspaceEdit(new() { [uri] = edits })));
            }
        }
        return [.. actions];
    }
}
