using RecipeLang.Catalog;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Units;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// Context-aware completion and signature help. The context is read from the tokens of the current line before
/// the cursor (lexed on their own, so it works while the line does not parse): operation names at a step's
/// start, materials after <c>for</c>, recipes after <c>use</c>, defects after <c>defects</c>, units right after
/// a number, and the operation's parameters, keywords and catalogue names inside a step.
/// </summary>
public static class CompletionFeature
{
    // LSP CompletionItemKind values.
    private const int Function = 3, Field = 5, Variable = 6, Class = 7, Unit = 11, Value = 12, Keyword = 14, EnumMember = 20, Constant = 21;

    private static readonly string[] StatementKeywords = ["recipe", "let", "use", "import", "defects", "batch", "expect", "note"];

    public static CompletionList Complete(DocumentAnalysis analysis, int offset)
    {
        if (InCommentOrString(analysis.Source, offset))
        {
            return List([]);
        }
        var catalog = analysis.Catalog;
        var (previous, typing, gluedToNumber) = Context(analysis.Source, offset);
        if (gluedToNumber)
        {
            return List(UnitItems(catalog, previous, analysis, offset));
        }
        if (previous.Count == 0 || previous[^1].Kind is TokenKind.ThenKeyword or TokenKind.Semicolon or TokenKind.OpenBrace)
        {
            return List(catalog.Operations.Values.Select(o => new CompletionItem(o.Name, Function, o.Category, Doc(o.Summary)))
                .Concat(StatementKeywords.Select(k => new CompletionItem(k, Keyword, null, null))));
        }
        switch (previous[^1].Kind)
        {
            case TokenKind.ForKeyword:
                return List(catalog.Materials.Values.Select(m => new CompletionItem(m.Name, Class, $"anneal {m.AnnealWindowC.Format()}", null)));
            case TokenKind.UseKeyword:
                return List(analysis.Scope.Keys.Select(name => new CompletionItem(name, Function, "recipe", null)));
            case TokenKind.DefectsKeyword:
            case TokenKind.Comma when previous.Any(t => t.Kind == TokenKind.DefectsKeyword):
                return List(catalog.Defects.Values.Select(d => new CompletionItem(d.Name, EnumMember, null, Doc(d.Description))));
        }
        if (FirstOf(previous) is { Kind: TokenKind.Word } first && catalog.FindOperation(first.Text) is { } operation)
        {
            return List(StepItems(catalog, operation, previous, analysis));
        }
        return List([]);
    }

    public static SignatureHelp? Signature(DocumentAnalysis analysis, int offset)
    {
        var (previous, _, _) = Context(analysis.Source, offset);
        if (FirstOf(previous) is not { Kind: TokenKind.Word } first || analysis.Catalog.FindOperation(first.Text) is not { } operation)
        {
            return null;
        }
        var parameters = operation.Parameters.Select(p => new ParameterInformation(Label(p), Doc(p.Doc + (p.Typical is { } t ? $" Usual: {t.Format()} ({t.Source})." : "")))).ToArray();
        var label = operation.Name + " " + string.Join(" ", parameters.Select(p => p.Label));
        var active = Math.Min(Math.Max(previous.Count(t => t.Kind is TokenKind.Number or TokenKind.Word or TokenKind.String) - 1, 0), Math.Max(parameters.Length - 1, 0));
        return new SignatureHelp([new SignatureInformation(label, Doc(operation.Summary), parameters)], 0, active);
    }

    private static string Label(ParameterInfo parameter)
    {
        var text = parameter.Keyword ? $"{parameter.Name} <{Takes(parameter)}>" : parameter.Kind == ParameterKind.Flag ? parameter.Name : $"<{parameter.Name}: {Takes(parameter)}>";
        return parameter.Required ? text : $"[{text}]";
    }

    private static string Takes(ParameterInfo parameter) =>
        parameter.Kind == ParameterKind.Quantity ? parameter.Dimension?.DisplayName() ?? "quantity" : parameter.Kind.ToString().ToLowerInvariant();

    private static IEnumerable<CompletionItem> StepItems(RecipeCatalog catalog, OperationInfo operation, IReadOnlyList<SyntaxToken> previous, DocumentAnalysis analysis)
    {
        var last = previous[^1];
        if (operation.FindParameter(last.Text) is { Keyword: true } keyword)
        {
            return ValuesFor(catalog, keyword, analysis);
        }
        var written = previous.Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var keywords = operation.Parameters.Where(p => (p.Keyword || p.Kind == ParameterKind.Flag) && !written.Contains(p.Name))
            .Select(p => new CompletionItem(p.Name, p.Kind == ParameterKind.Flag ? Keyword : Field, Label(p), Doc(p.Doc)));
        var values = operation.Parameters.Where(p => !p.Keyword && p.Kind != ParameterKind.Flag).SelectMany(p => ValuesFor(catalog, p, analysis));
        return keywords.Concat(values).DistinctBy(i => i.Label);
    }

    private static IEnumerable<CompletionItem> ValuesFor(RecipeCatalog catalog, ParameterInfo parameter, DocumentAnalysis analysis) => parameter.Kind switch
    {
        ParameterKind.Atmosphere => catalog.Atmospheres.Values.Select(a => new CompletionItem(a.Name, Value, "atmosphere", Doc(a.Description))),
        ParameterKind.Coating => catalog.Coatings.Values.Select(c => new CompletionItem(c.Name, Value, $"coating, survives {c.SurvivesUpToC:0} °C", null)),
        ParameterKind.Reagent or ParameterKind.Reagents or ParameterKind.Mixture =>
            catalog.Reagents.Values.Select(r => new CompletionItem(r.Name, Constant, r.Formula + (r.LithiumBearing ? " · Li source" : ""), null)),
        ParameterKind.Binder => catalog.Binders.Values.Select(b => new CompletionItem(b.Name, Value, "binder", null)),
        ParameterKind.Conductive => catalog.Conductives.Values.Select(c => new CompletionItem(c.Name, Value, c.Geometry, null)),
        ParameterKind.Choice => (parameter.Choices ?? []).Select(c => new CompletionItem(c, EnumMember, parameter.Name, null)),
        ParameterKind.DopantAmounts => catalog.Dopants.Values.Select(d => new CompletionItem(d.Element, Constant, $"usual {d.UsualMolPercent.Format()}", null)),
        ParameterKind.Quantity => analysis.Constants.Where(c => c.Value is Binding.QuantityValue q && q.Quantity.Dimension == parameter.Dimension)
            .Select(c => new CompletionItem(c.Key, Variable, ((Binding.QuantityValue)c.Value).Quantity.Format(), null)),
        _ => [],
    };

    /// <summary>Units right after a number: those of the step's quantity parameters first, then every unit.</summary>
    private static IEnumerable<CompletionItem> UnitItems(RecipeCatalog catalog, IReadOnlyList<SyntaxToken> previous, DocumentAnalysis analysis, int offset)
    {
        var operation = FirstOf(previous) is { Kind: TokenKind.Word } first ? catalog.FindOperation(first.Text) : null;
        var dimensions = operation?.Parameters.Where(p => p.Kind is ParameterKind.Quantity or ParameterKind.DopantAmounts && p.Dimension is not null).Select(p => p.Dimension!.Value).Distinct().ToList() ?? [];
        var preferred = dimensions.SelectMany(UnitTable.For).Where(u => u.Canonical.Length > 0)
            .Select(u => new CompletionItem(u.Canonical, Unit, u.Dimension.DisplayName(), null, SortText: "0" + u.Canonical));
        var rest = UnitTable.Spellings.Where(s => UnitTable.TryLookup(s, out var u) && u.Canonical == s && !dimensions.Contains(u.Dimension))
            .Select(s => new CompletionItem(s, Unit, UnitTable.TryLookup(s, out var u) ? u.Dimension.DisplayName() : null, null, SortText: "1" + s));
        return preferred.Concat(rest).DistinctBy(i => i.Label);
    }

    /// <summary>True inside a comment or a string literal, where nothing is offered (a space there is prose, not a trigger).</summary>
    private static bool InCommentOrString(SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.GetLineSpan(text.GetPosition(offset).Line).Start;
        var (tokens, _) = Lexer.Lex(new SourceText(text.Substring(lineStart, offset - lineStart)));
        if (tokens.SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Any(t => t.Kind == TriviaKind.Comment))
        {
            return true;
        }
        // The end-of-file token is always last: the token before it is the one the cursor follows.
        return tokens.Length > 1 && tokens[^2] is { Kind: TokenKind.String } last && last.Span.End == offset - lineStart && (last.Text.Length < 2 || !last.Text.EndsWith('"'));
    }

    private static SyntaxToken? FirstOf(IReadOnlyList<SyntaxToken> tokens) => tokens.Count > 0 ? tokens[0] : null;

    /// <summary>The tokens before the cursor on its line, the partial word being typed, and whether the cursor is glued to a number.</summary>
    private static (IReadOnlyList<SyntaxToken> Previous, string Typing, bool GluedToNumber) Context(SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = text.GetPosition(offset).Line;
        var lineStart = text.GetLineSpan(line).Start;
        var prefix = text.Substring(lineStart, offset - lineStart);
        var (tokens, _) = Lexer.Lex(new SourceText(prefix));
        var list = tokens.Where(t => t.Kind != TokenKind.EndOfFile).ToList();
        // Only the current statement matters: drop everything up to the last separator.
        var separator = list.FindLastIndex(t => t.Kind is TokenKind.ThenKeyword or TokenKind.Semicolon or TokenKind.OpenBrace);
        var statement = separator >= 0 ? list.Skip(separator).ToList() : list;
        if (separator >= 0)
        {
            statement = statement.Count == 1 ? [statement[0]] : statement.Skip(1).ToList();
        }
        var endsInWord = prefix.Length > 0 && !char.IsWhiteSpace(prefix[^1]) && statement.Count > 0 && statement[^1].Kind is TokenKind.Word or TokenKind.Unit;
        if (statement.Count > 0 && statement[^1].Kind == TokenKind.Number && prefix.Length > 0 && !char.IsWhiteSpace(prefix[^1]))
        {
            return (statement[..^1], "", true);
        }
        if (endsInWord && statement.Count > 1 && statement[^1].Kind == TokenKind.Unit)
        {
            return (statement[..^2], statement[^1].Text, true);
        }
        return endsInWord ? (statement[..^1], statement[^1].Text, false) : (statement, "", false);
    }

    private static CompletionList List(IEnumerable<CompletionItem> items) => new(false, [.. items]);

    private static MarkupContent? Doc(string? text) => string.IsNullOrEmpty(text) ? null : new MarkupContent("markdown", text);
}
