using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

/// <summary>
/// Parses a new version of a file from the tree of the previous one. The edit is found by comparing the two texts
/// (common prefix and suffix, a vectorised scan), so any sequence of changes works. Top-level items before the
/// edit are kept as they are; a window of the new text from the item before the edit is lexed and parsed again,
/// and as soon as the top-level parse reaches the start of an old item after the edit in the same state (same
/// token, same "a bare step came before"), the rest of the old tree is reused with its spans shifted. The result
/// is the tree a full parse gives: tokens after the window are the old ones (the text there is equal and the
/// lexer's state at the boundary is the same), and the parser never looks past the place it stops at.
/// </summary>
internal static class IncrementalParser
{
    public static SyntaxTree Reparse(SyntaxTree previous, SourceText source)
    {
        var items = previous.Items;
        var statements = previous.Root.Statements;
        var oldText = previous.Source;
        if (items.Length == 0)
        {
            return Parser.Parse(source);
        }
        var prefix = oldText.CommonPrefixLength(source);
        var suffix = oldText.CommonSuffixLength(source, skip: prefix);
        var changeStart = prefix;
        var oldEnd = oldText.Length - suffix;
        var delta = source.Length - oldText.Length;

        // From the item before the one the edit starts in: that item's parse looked at the edited item's first token.
        var first = Math.Max(0, LastStartingAtOrBefore(items, changeStart) - 1);
        // An earlier item is reused with its diagnostics only if none of them reaches the edit: an error about a header
        // names the next token, which the edit may have changed (fuzz finding).
        // And only if the edit leaves the first token of the re-parsed window as it was: the previous item's parse looked
        // at it, and the lexer looks ahead (a formula's parentheses), so an edit can change a token that ends before it.
        while (first > 0 && (!items[first].IsSyncPoint || ReachesInto(items[first - 1], changeStart) || !FirstTokenUnchanged(items, statements, first, source)))
        {
            first--;
        }
        var after = first + 1;
        while (after < items.Length && items[after].FullStart < oldEnd)
        {
            after++;
        }
        SyntaxToken? previousToken = first == 0 ? null : items[first - 1].LastToken;
        var start = items[first].FullStart;
        for (var window = 4; ; window *= 4)
        {
            var last = (int)Math.Min((long)after + window, items.Length);
            var stop = last < items.Length ? items[last].FullStart + delta : int.MaxValue;
            var (tokens, lexerDiagnostics) = Lexer.LexWindow(source, start, previousToken, stop);
            var syncedAt = -1;
            var (parsed, parsedItems, stopToken) = Parser.ParseWindow(source, tokens, lexerDiagnostics, items[first].SawStepBefore, (position, sawStep) =>
            {
                var token = tokens[position];
                if (token.Kind == TokenKind.EndOfFile)
                {
                    return false;
                }
                var k = FindItem(items, after, last, token.FullStart - delta);
                if (k < 0 || !items[k].IsSyncPoint || items[k].SawStepBefore != sawStep || !SameToken(token, FirstToken(statements[k]), delta))
                {
                    return false;
                }
                syncedAt = k;
                return true;
            });
            if (syncedAt < 0 && stop != int.MaxValue)
            {
                continue; // the parse ran to the window's end without meeting an old item: a larger window
            }
            var reused = syncedAt >= 0 ? statements.Length - syncedAt : 0;
            var resultStatements = ImmutableArray.CreateBuilder<StatementSyntax>(first + parsed.Length + reused);
            var resultItems = ImmutableArray.CreateBuilder<SyntaxItem>(first + parsedItems.Length + reused);
            resultStatements.AddRange(statements, first);
            resultItems.AddRange(items, first);
            resultStatements.AddRange(parsed);
            resultItems.AddRange(parsedItems);
            SyntaxToken endOfFile;
            if (syncedAt >= 0)
            {
                for (var k = syncedAt; k < statements.Length; k++)
                {
                    resultStatements.Add(SyntaxShift.Statement(statements[k], delta));
                    resultItems.Add(ShiftItem(items[k], delta, source));
                }
                endOfFile = SyntaxShift.Token(previous.Root.EndOfFile, delta);
            }
            else
            {
                endOfFile = stopToken;
            }
            var resultItemArray = resultItems.MoveToImmutable();
            return new SyntaxTree(source, new CompilationUnitSyntax(resultStatements.MoveToImmutable(), endOfFile), Diagnostics(resultItemArray), resultItemArray);
        }
    }

    private static bool FirstTokenUnchanged(ImmutableArray<SyntaxItem> items, ImmutableArray<StatementSyntax> statements, int index, SourceText source)
    {
        var start = items[index].FullStart;
        var relexed = Lexer.LexWindow(source, start, items[index - 1].LastToken, start + 1).Tokens[0];
        var old = FirstToken(statements[index]);
        return SameToken(relexed, old, 0) && relexed.Text == old.Text;
    }

    private static bool ReachesInto(SyntaxItem item, int position) =>
        item.LexerDiagnostics.Any(d => d.Span.End >= position) || item.ParserDiagnostics.Any(d => d.Span.End >= position);

    /// <summary>The items' diagnostics in a full parse's order: the lexer's, then the parser's, sorted (stably) by start.</summary>
    private static ImmutableArray<Diagnostic> Diagnostics(ImmutableArray<SyntaxItem> items)
    {
        var lexer = new List<Diagnostic>();
        var parser = new List<Diagnostic>();
        foreach (var item in items)
        {
            if (!item.LexerDiagnostics.IsEmpty)
            {
                lexer.AddRange(item.LexerDiagnostics);
            }
            if (!item.ParserDiagnostics.IsEmpty)
            {
                parser.AddRange(item.ParserDiagnostics);
            }
        }
        return [.. lexer.Concat(parser).OrderBy(d => d.Span.Start)];
    }

    /// <summary>The last item whose full start is at or before the offset, or -1 when none is.</summary>
    internal static int LastStartingAtOrBefore(ImmutableArray<SyntaxItem> items, int offset)
    {
        int low = 0, high = items.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (items[middle].FullStart <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    /// <summary>The item in [from, to) whose full start is at the offset, or -1.</summary>
    private static int FindItem(ImmutableArray<SyntaxItem> items, int from, int to, int fullStart)
    {
        int low = from, high = to - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var start = items[middle].FullStart;
            if (start == fullStart)
            {
                // Statements may start at the same offset only if one is empty, which the parser never makes.
                return middle;
            }
            if (start < fullStart)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    private static SyntaxToken FirstToken(StatementSyntax statement) => statement.Tokens().First();

    /// <summary>The same token, shifted: then the lexer's state after it, and so every token after it, is the same too.</summary>
    private static bool SameToken(SyntaxToken token, SyntaxToken old, int delta) =>
        token.Kind == old.Kind && token.Span == new TextSpan(old.Span.Start + delta, old.Span.Length) && token.StartsLine == old.StartsLine
        && token.IsGlued == old.IsGlued && token.LeadingTriviaCount == old.LeadingTriviaCount && token.TrailingTriviaCount == old.TrailingTriviaCount;

    // The copy is a method of its own: the lambdas' closure would otherwise be allocated on every call, also for the
    // items returned as they are (a 5 MB document has 67,000 of them per edit).
    private static SyntaxItem ShiftItem(SyntaxItem item, int delta, SourceText source) => delta == 0 && item.LexerDiagnostics.IsEmpty && item.ParserDiagnostics.IsEmpty
        ? item
        : ShiftedCopy(item, delta, source);

    private static SyntaxItem ShiftedCopy(SyntaxItem item, int delta, SourceText source) =>
        item with
        {
            FullStart = item.FullStart + delta,
            LastToken = item.LastToken.MovedBy(delta),
            LexerDiagnostics = [.. item.LexerDiagnostics.Select(d => d.Moved(offset => offset + delta, source))],
            ParserDiagnostics = [.. item.ParserDiagnostics.Select(d => d.Moved(offset => offset + delta, source))],
        };
}

/// <summary>Copies of syntax with every span moved by a distance: how the incremental parser reuses items after an edit.</summary>
internal static class SyntaxShift
{
    public static SyntaxToken Token(SyntaxToken token, int delta) => token.MovedBy(delta);

    private static SyntaxToken? Optional(SyntaxToken? token, int delta) => token is { } present ? Token(present, delta) : null;

    private static ImmutableArray<SyntaxToken> Tokens(ImmutableArray<SyntaxToken> tokens, int delta) => tokens.IsEmpty ? tokens : ImmutableArray.CreateRange(tokens, Token, delta);

    public static StatementSyntax Statement(StatementSyntax statement, int delta)
    {
        if (delta == 0)
        {
            return statement;
        }
        var then = Optional(statement.Then, delta);
        var semicolon = Optional(statement.Semicolon, delta);
        return statement switch
        {
            ImportSyntax s => new ImportSyntax(then, Token(s.ImportKeyword, delta), Token(s.Path, delta), semicolon),
            LetSyntax s => new LetSyntax(then, Token(s.LetKeyword, delta), Token(s.Name, delta), Token(s.EqualsToken, delta), Argument(s.Value, delta), semicolon),
            RecipeSyntax s => new RecipeSyntax(Token(s.RecipeKeyword, delta), Token(s.Name, delta), s.Parameters is null ? null : Parameters(s.Parameters, delta),
                Optional(s.ForKeyword, delta), Optional(s.Material, delta), Token(s.OpenBrace, delta),
                ImmutableArray.CreateRange(s.Body, Statement, delta), Token(s.CloseBrace, delta), semicolon),
            DefectsSyntax s => new DefectsSyntax(then, Token(s.Keyword, delta),
                ImmutableArray.CreateRange(s.Defects, (d, x) => new DefectSyntax(Token(d.Name, x), d.Arguments is null ? null : Arguments(d.Arguments, x)), delta),
                Tokens(s.Commas, delta), semicolon),
            ClauseSyntax s => new ClauseSyntax(then, Token(s.Keyword, delta), ImmutableArray.CreateRange(s.Arguments, Argument, delta), semicolon),
            StepSyntax s => new StepSyntax(then, Token(s.Operation, delta), ImmutableArray.CreateRange(s.Arguments, Argument, delta), semicolon),
            UseSyntax s => new UseSyntax(then, Token(s.UseKeyword, delta), Token(s.Name, delta), s.Arguments is null ? null : Arguments(s.Arguments, delta), semicolon),
            ErrorStatementSyntax s => new ErrorStatementSyntax(then, Tokens(s.SkippedTokens, delta), semicolon),
            _ => throw new InvalidOperationException($"no shift for {statement.GetType().Name}"),
        };
    }

    private static ParameterListSyntax Parameters(ParameterListSyntax list, int delta) => new(
        Token(list.Open, delta),
        ImmutableArray.CreateRange(list.Parameters, (p, d) => new ParameterSyntax(Token(p.Name, d), Token(p.Colon, d), Token(p.Type, d), Optional(p.EqualsToken, d), p.Default is null ? null : Argument(p.Default, d)), delta),
        Tokens(list.Commas, delta),
        Token(list.Close, delta));

    private static ArgumentListSyntax Arguments(ArgumentListSyntax list, int delta) => new(
        Token(list.Open, delta),
        ImmutableArray.CreateRange(list.Arguments, (a, d) => new NamedArgumentSyntax(Optional(a.Name, d), Optional(a.EqualsToken, d), Argument(a.Value, d)), delta),
        Tokens(list.Commas, delta),
        Token(list.Close, delta));

    private static ArgumentSyntax Argument(ArgumentSyntax argument, int delta) => argument switch
    {
        QuantitySyntax a => new QuantitySyntax(Token(a.Number, delta), Optional(a.Unit, delta)),
        NameSyntax a => new NameSyntax(Token(a.Word, delta)),
        MixtureSyntax a => new MixtureSyntax(Tokens(a.Components, delta), Tokens(a.Dashes, delta)),
        RatioSyntax a => new RatioSyntax(Tokens(a.Components, delta), Tokens(a.ComponentColons, delta), Optional(a.EqualsToken, delta), Tokens(a.Parts, delta), Tokens(a.PartColons, delta)),
        ErrorArgumentSyntax a => new ErrorArgumentSyntax(Tokens(a.SkippedTokens, delta)),
        StringSyntax a => new StringSyntax(Token(a.Token, delta)),
        _ => throw new InvalidOperationException($"no shift for {argument.GetType().Name}"),
    };
}
