using System.Collections.Immutable;
using Pidgin;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using static Pidgin.Parser;
using static Pidgin.Parser<RecipeLang.Syntax.SyntaxToken>;

namespace RecipeLang.Syntax;

/// <summary>
/// Two layers, as in grammar/recipelang.ebnf: a hand-written driver splits the token stream into statements at
/// separators (newline, <c>then</c>, <c>;</c>, braces) and keeps recipe blocks nested; Pidgin parses each
/// statement's tokens. A statement that fails becomes an <see cref="ErrorStatementSyntax"/> with one diagnostic
/// at the offending token, and parsing resumes at the next separator, so one bad step never hides the next.
/// Each token is visited a bounded number of times, so parsing is linear in the input.
/// </summary>
public sealed class Parser
{
    private readonly SourceText _source;
    private readonly TokenStream _tokens;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<SyntaxItem> _items = [];
    private int _position;

    /// <summary>Pidgin's settings for this parse: the thread's own array pools (see <see cref="ParseArrayPools"/>).</summary>
    private readonly Pidgin.Configuration.IConfiguration<SyntaxToken> _configuration = ParseArrayPools.ConfigurationForThisThread();

    /// <summary>For an incremental parse: true where the top level may stop because the old tree's items take over.</summary>
    private Func<int, bool, bool>? _canStop;

    private Parser(SourceText source, TokenStream tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    public static SyntaxTree Parse(SourceText source)
    {
        var lexer = Lexer.ForText(source);
        var tokens = new TokenStream(lexer);
        var parser = new Parser(source, tokens);
        var statements = parser.ParseStatements(insideRecipe: false);
        var root = new CompilationUnitSyntax(statements, parser.Current);
        var items = parser.ItemsWithLexerDiagnostics(lexer.Diagnostics);
        tokens.Return();
        return new SyntaxTree(source, root, [.. lexer.Diagnostics.Concat(parser._diagnostics).OrderBy(d => d.Span.Start)], items);
    }

    /// <summary>
    /// The tree of <paramref name="source"/>, equal to <see cref="Parse(SourceText)"/> of it, made from the tree of an
    /// earlier version of the same file: only the top-level items (recipes, lets, imports, steps, with the comments
    /// before them) that the edit touches are lexed and parsed again; the others are reused, shifted.
    /// </summary>
    public static SyntaxTree Parse(SourceText source, SyntaxTree? previous) =>
        previous is null ? Parse(source) : IncrementalParser.Reparse(previous, source);

    public static SyntaxTree Parse(string text, string path = "") => Parse(new SourceText(text, path));

    private SyntaxToken Current => _tokens[_position];

    /// <summary>Recipe blocks parsed inside one another (only error recovery nests them).</summary>
    public const int MaxRecipeNesting = 32;

    private int _recipeDepth;

    /// <summary>Parses the top level of a window of tokens (incremental parse) until <paramref name="canStop"/> says the rest is reused.</summary>
    internal static (ImmutableArray<StatementSyntax> Statements, ImmutableArray<SyntaxItem> Items, SyntaxToken Stop) ParseWindow(
        SourceText source, ImmutableArray<SyntaxToken> tokens, ImmutableArray<Diagnostic> lexerDiagnostics, bool sawStep, Func<int, bool, bool> canStop)
    {
        var parser = new Parser(source, new TokenStream(tokens)) { _canStop = canStop };
        var statements = parser.ParseStatements(insideRecipe: false, sawStep);
        return (statements, parser.ItemsWithLexerDiagnostics(lexerDiagnostics), parser.Current);
    }

    /// <summary>The full start of a token: where its leading trivia begins.</summary>
    internal static int FullStart(SyntaxToken token) => token.FullStart;

    /// <summary>
    /// The recorded top-level items with the lexer's diagnostics added to the item whose range holds them (the
    /// lexer reports at a token's start, and an item's range runs from its full start to the next one's).
    /// </summary>
    private ImmutableArray<SyntaxItem> ItemsWithLexerDiagnostics(IReadOnlyList<Diagnostic> lexerDiagnostics)
    {
        var next = 0;
        var result = ImmutableArray.CreateBuilder<SyntaxItem>(_items.Count);
        for (var i = 0; i < _items.Count; i++)
        {
            // The last item ends where the parse stopped: an incremental parse lexes tokens past it that are not its own.
            var end = i + 1 < _items.Count ? _items[i + 1].FullStart : FullStart(Current);
            var from = next;
            while (next < lexerDiagnostics.Count && lexerDiagnostics[next].Span.Start < end)
            {
                next++;
            }
            result.Add(_items[i] with { LexerDiagnostics = from == next ? [] : [.. lexerDiagnostics.Skip(from).Take(next - from)] });
        }
        return result.MoveToImmutable();
    }

    /// <summary>Records a top-level statement and the parser diagnostics reported since the previous one.</summary>
    private void Record(StatementSyntax statement, bool sawStepBefore, bool isSyncPoint, ref int reported)
    {
        var first = statement.Tokens().First();
        // The token before the parser's position is the statement's last (exact for every item that ends a top-level
        // iteration, which is what an incremental parse starts after).
        _items.Add(new SyntaxItem(FullStart(first), sawStepBefore, isSyncPoint, [], reported == _diagnostics.Count ? [] : [.. _diagnostics.Skip(reported)], new object(), _tokens[_position - 1]));
        reported = _diagnostics.Count;
    }

    private ImmutableArray<StatementSyntax> ParseStatements(bool insideRecipe, bool sawStep = false)
    {
        var statements = ImmutableArray.CreateBuilder<StatementSyntax>();
        var reported = _diagnostics.Count;
        while (true)
        {
            var topLevel = !insideRecipe;
            if (topLevel)
            {
                // Nothing before the previous token is read again: a top-level item looks back one token at most.
                _tokens.Release(_position - 1);
            }
            var token = Current;
            if (topLevel && _canStop is not null && _canStop(_position, sawStep))
            {
                break;
            }
            if (token.Kind == TokenKind.EndOfFile)
            {
                break;
            }
            var sawStepBefore = sawStep;
            if (token.Kind == TokenKind.CloseBrace)
            {
                if (insideRecipe)
                {
                    break;
                }
                Report(Descriptors.UnmatchedCloseBrace, token.Span);
                statements.Add(new ErrorStatementSyntax(null, [token], null));
                _position++;
                Record(statements[^1], sawStepBefore, true, ref reported);
                continue;
            }
            if (token.Kind == TokenKind.RecipeKeyword)
            {
                if (insideRecipe && token.StartsLine)
                {
                    // "recipe" at the start of a line inside a body: the previous recipe lost its '}'.
                    break;
                }
                if (insideRecipe)
                {
                    // Recipes do not nest; parsed on for recovery, but an error, so that fmt (which would put it
                    // on its own line, where it means a missing '}') leaves the file alone.
                    ReportUnexpected(token, "a step (a recipe cannot be defined inside another; use it with 'use')");
                    if (_recipeDepth >= MaxRecipeNesting)
                    {
                        // Deeper than any recovery needs: the header is skipped and its body read flat, so that
                        // thousands of nested headers cost neither stack nor quadratic time.
                        var header = _position;
                        do
                        {
                            _position++;
                        }
                        while (Current.Kind is not (TokenKind.EndOfFile or TokenKind.CloseBrace) && !Current.StartsLine && _tokens[_position - 1].Kind != TokenKind.OpenBrace);
                        statements.Add(new ErrorStatementSyntax(null, _tokens[header.._position], null));
                        continue;
                    }
                }
                var firstOfRecipe = true;
                foreach (var statement in ParseRecipe())
                {
                    statements.Add(statement);
                    if (topLevel)
                    {
                        // Statements of a recipe whose header failed stand at the top level, but were parsed inside
                        // its body: only the first is a place where a parse of the top level can start or stop.
                        Record(statement, sawStepBefore, firstOfRecipe, ref reported);
                    }
                    firstOfRecipe = false;
                }
                continue;
            }
            var parsed = ParseStatement();
            if (parsed is StepSyntax or UseSyntax or ErrorStatementSyntax { SkippedTokens.Length: > 0 })
            {
                if (!sawStep && parsed.Then is { } then)
                {
                    Report(Descriptors.ThenBeforeFirstStep, then.Span);
                }
                sawStep = true;
            }
            statements.Add(parsed);
            if (topLevel)
            {
                Record(parsed, sawStepBefore, true, ref reported);
            }
        }
        return statements.ToImmutable();
    }

    private IEnumerable<StatementSyntax> ParseRecipe()
    {
        var start = _position;
        var end = start + 1;
        while (_tokens[end].Kind is not (TokenKind.OpenBrace or TokenKind.EndOfFile or TokenKind.CloseBrace) && !_tokens[end].StartsLine)
        {
            end++;
        }
        var header = _tokens.Slice(start, end);
        var result = Grammar.RecipeHeader.Parse(header, _configuration);
        var hasBrace = _tokens[end].Kind == TokenKind.OpenBrace;
        if (!result.Success || !hasBrace)
        {
            if (result.Success)
            {
                ReportUnexpected(_tokens[end], "'{'");
            }
            else
            {
                ReportParseError(header, start, result.Error!);
            }
            // Keep the header's tokens; the body, if any, is parsed as ordinary statements so its errors still show.
            _position = hasBrace ? end + 1 : end;
            yield return new ErrorStatementSyntax(null, _tokens[start.._position], null);
            if (!hasBrace)
            {
                yield break;
            }
            _recipeDepth++;
            var statements = ParseStatements(insideRecipe: true);
            _recipeDepth--;
            foreach (var statement in statements)
            {
                yield return statement;
            }
            if (Current.Kind == TokenKind.CloseBrace)
            {
                var close = Current;
                _position++;
                yield return new ErrorStatementSyntax(null, [close], null);
            }
            yield break;
        }
        var openBrace = _tokens[end];
        _position = end + 1;
        _recipeDepth++;
        var body = ParseStatements(insideRecipe: true);
        _recipeDepth--;
        SyntaxToken closeBrace;
        if (Current.Kind == TokenKind.CloseBrace)
        {
            closeBrace = Current;
            _position++;
        }
        else
        {
            var (name, _, _, _) = result.Value;
            Report(Descriptors.MissingCloseBrace, openBrace.Span, name.Kind == TokenKind.String ? StringSyntax.Unquote(name.Text) : name.Text);
            closeBrace = Missing(TokenKind.CloseBrace, _tokens[_position - 1].Span.End);
        }
        var semicolon = TakeSemicolon();
        var (recipeName, parameters, forKeyword, material) = result.Value;
        yield return new RecipeSyntax(_tokens[start], recipeName, parameters, forKeyword, material, openBrace, body, closeBrace, semicolon);
    }

    /// <summary>One statement between separators; never fails (errors become an error statement).</summary>
    private StatementSyntax ParseStatement()
    {
        SyntaxToken? then = null;
        if (Current.Kind == TokenKind.ThenKeyword)
        {
            then = Current;
            _position++;
        }
        var start = _position;
        var end = start;
        while (!EndsStatement(end, start))
        {
            end++;
        }
        _position = end;
        var semicolon = TakeSemicolon();
        if (end == start)
        {
            if (then is { } dangling)
            {
                Report(Descriptors.DanglingThen, dangling.Span);
                return new ErrorStatementSyntax(then, [], semicolon);
            }
            // A lone ';' or a token that cannot start anything.
            if (semicolon is not null)
            {
                return new ErrorStatementSyntax(null, [], semicolon);
            }
            ReportUnexpected(Current, "a step");
            _position++;
            return new ErrorStatementSyntax(null, [_tokens[end]], null);
        }
        var tokens = _tokens.Slice(start, end);
        if (tokens[0].Kind is not (TokenKind.Word or TokenKind.LetKeyword or TokenKind.ImportKeyword or TokenKind.UseKeyword
            or TokenKind.DefectsKeyword or TokenKind.BatchKeyword or TokenKind.ExpectKeyword or TokenKind.NoteKeyword))
        {
            if (tokens[0].Kind is not (TokenKind.Bad or TokenKind.ThenKeyword))
            {
                Report(Descriptors.ExpectedOperation, tokens[0].Span, Describe(tokens[0]));
            }
            return new ErrorStatementSyntax(then, [.. tokens], semicolon);
        }
        if (tokens[0].Kind == TokenKind.Word)
        {
            return ParseStep(then, tokens, start, semicolon);
        }
        var result = Grammar.StatementFor(tokens[0].Kind).Parse(tokens, _configuration);
        if (result.Success)
        {
            return result.Value(then, semicolon);
        }
        ReportParseError(tokens, start, result.Error!);
        return new ErrorStatementSyntax(then, [.. tokens], semicolon);
    }

    /// <summary>
    /// A step is parsed argument by argument: tokens that start no argument become an <see cref="ErrorArgumentSyntax"/>
    /// with one diagnostic, and the arguments after them still parse, so the binder sees the rest of the step.
    /// </summary>
    private StepSyntax ParseStep(SyntaxToken? then, ReadOnlySpan<SyntaxToken> tokens, int sliceStart, SyntaxToken? semicolon)
    {
        // Fast path: one Pidgin run for the whole step; the argument-by-argument loop is only for broken steps.
        var whole = Grammar.StatementFor(TokenKind.Word).Parse(tokens, _configuration);
        if (whole.Success)
        {
            return (StepSyntax)whole.Value(then, semicolon);
        }
        var arguments = ImmutableArray.CreateBuilder<ArgumentSyntax>();
        // Found once per step, so that the error for each of thousands of unclosed '(' does not search the rest.
        var lastClose = tokens.Length - 1;
        while (lastClose >= 0 && tokens[lastClose].Kind != TokenKind.CloseParen)
        {
            lastClose--;
        }
        _lastCloseParen = lastClose < 0 ? -1 : sliceStart + lastClose;
        var i = 1;
        while (i < tokens.Length)
        {
            var rest = tokens[i..];
            var result = Grammar.SizedArgument.Parse(rest, _configuration);
            if (result.Success)
            {
                arguments.Add(result.Value.Argument);
                i += result.Value.Length;
                continue;
            }
            // Skip through the token where the argument went wrong (at least one token, so the loop advances).
            var failedAt = Math.Clamp(result.Error!.ErrorOffset, 0, rest.Length);
            var skip = Math.Max(1, Math.Min(failedAt + 1, rest.Length));
            ReportParseError(rest, sliceStart + i, result.Error!);
            arguments.Add(new ErrorArgumentSyntax([.. rest[..skip]]));
            i += skip;
        }
        _lastCloseParen = null;
        return new StepSyntax(then, tokens[0], arguments.ToImmutable(), semicolon);
    }

    /// <summary>While a broken step is parsed: the index in the file's tokens of its last ')', or -1.</summary>
    private int? _lastCloseParen;

    /// <summary>
    /// Where a statement stops: before a separator or a brace, or at a line break — unless the line ends with
    /// ',' or '(' or the next line starts with ')' or ',' (lists may span lines).
    /// </summary>
    private bool EndsStatement(int index, int start)
    {
        var token = _tokens[index];
        if (token.Kind is TokenKind.EndOfFile or TokenKind.Semicolon or TokenKind.OpenBrace or TokenKind.CloseBrace or TokenKind.ThenKeyword)
        {
            return true;
        }
        if (index == start || !token.StartsLine)
        {
            return false;
        }
        if (token.Kind is TokenKind.CloseParen or TokenKind.Comma)
        {
            return false;
        }
        return _tokens[index - 1].Kind is not (TokenKind.Comma or TokenKind.OpenParen);
    }

    private SyntaxToken? TakeSemicolon()
    {
        if (Current.Kind != TokenKind.Semicolon)
        {
            return null;
        }
        var semicolon = Current;
        _position++;
        return semicolon;
    }

    private void ReportParseError(ReadOnlySpan<SyntaxToken> tokens, int sliceStart, ParseError<SyntaxToken> error)
    {
        var expected = string.Join(" or ", error.Expected
            .Select(e => e.Label ?? (e.IsEof ? "end of step" : string.Join(" ", e.Tokens.Select(t => t.Text))))
            .Distinct()
            .Order(StringComparer.Ordinal));
        if (expected.Length == 0)
        {
            expected = "end of step";
        }
        var offset = Math.Clamp(error.ErrorOffset, 0, tokens.Length);
        if (offset < tokens.Length)
        {
            var token = tokens[offset];
            if (token.Kind == TokenKind.Bad || (token.Kind == TokenKind.String && !token.Text.EndsWith('"')) || token.Kind == TokenKind.Number && token.Text.Count(c => c == '.') > 1)
            {
                return; // the lexer already reported this token
            }
            var closed = _lastCloseParen is { } last ? last > sliceStart + offset : tokens[offset..].ToArray().Any(t => t.Kind == TokenKind.CloseParen);
            if (token.Kind == TokenKind.OpenParen && !closed)
            {
                Report(Descriptors.MissingCloseParen, token.Span);
                return;
            }
            ReportUnexpected(token, expected);
            return;
        }
        // The statement ended too early: point just after its last token, where the missing piece belongs.
        var next = _tokens[sliceStart + tokens.Length];
        var missingAt = new TextSpan(tokens[^1].Span.End, 0);
        if (tokens.ToArray().Any(t => t.Kind == TokenKind.OpenParen) && !tokens.ToArray().Any(t => t.Kind == TokenKind.CloseParen))
        {
            Report(Descriptors.MissingCloseParen, missingAt);
            return;
        }
        Report(Descriptors.UnexpectedToken, missingAt, next.StartsLine || next.Kind == TokenKind.EndOfFile ? "end of line" : Describe(next), expected);
    }

    private void ReportUnexpected(SyntaxToken token, string expected) =>
        Report(Descriptors.UnexpectedToken, token.Span, Describe(token), expected);

    private static string Describe(SyntaxToken token) => token.Kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Number => $"number '{token.Text}'",
        TokenKind.Unit => $"unit '{token.Text}'",
        TokenKind.String => "a string",
        TokenKind.Word => $"'{token.Text}'",
        _ => $"'{token.Text}'",
    };

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] args) =>
        _diagnostics.Add(descriptor.Create(_source, span, args));

    private static SyntaxToken Missing(TokenKind kind, int position) =>
        new(kind, new TextSpan(position, 0), "", [], [], false, false);

    /// <summary>The Pidgin grammar of one statement's tokens. Mirrors grammar/recipelang.ebnf rule by rule.</summary>
    private static class Grammar
    {
        private static Parser<SyntaxToken, SyntaxToken> Tok(TokenKind kind, string? label = null) => new TokenOfKind(kind, label ?? kind.Display());

        private static readonly Parser<SyntaxToken, SyntaxToken> Word = Tok(TokenKind.Word);

        private static readonly Parser<SyntaxToken, SyntaxToken> Number = Tok(TokenKind.Number);

        /// <summary>A glued unit, or a spaced one that the unit table knows ("220 C").</summary>
        private static readonly Parser<SyntaxToken, SyntaxToken> Unit = new UnitToken();

        /// <summary>What follows a number: ':' parts (a ratio) or an optional unit.</summary>
        private readonly record struct NumberTail(IEnumerable<(SyntaxToken Colon, SyntaxToken Part)>? Parts, SyntaxToken? Unit);

        // A static tail, not a parser built for each number (Pidgin's Then with a selector): that was two fifths of
        // what parsing allocated.
        private static readonly Parser<SyntaxToken, ArgumentSyntax> Quantity =
            Map((number, tail) => tail.Parts is { } parts
                    ? (ArgumentSyntax)new RatioSyntax([], [], null, [number, .. parts.Select(p => p.Part)], [.. parts.Select(p => p.Colon)])
                    : new QuantitySyntax(number, tail.Unit),
                Number,
                NumberTails());

        private static TokenChoice<NumberTail> NumberTails()
        {
            var ratio = Tok(TokenKind.Colon).Then(Number, (colon, part) => (colon, part)).AtLeastOnce().Select(parts => new NumberTail(parts, null));
            var unit = Unit.Select(unit => new NumberTail(null, unit));
            return new TokenChoice<NumberTail>(t => t.Kind == TokenKind.Colon ? ratio : UnitToken.IsUnit(t) ? unit : null, Return(new NumberTail(null, null)), null);
        }

        private static readonly Parser<SyntaxToken, ArgumentSyntax> StringArgument =
            Tok(TokenKind.String).Select(t => (ArgumentSyntax)new StringSyntax(t));

        // The tails after a first word are static parsers that return their pieces; building parsers per word
        // (a closure over the first word) allocated on every argument of every step.
        private static readonly Parser<SyntaxToken, Func<SyntaxToken, ArgumentSyntax>> MixtureTail =
            Tok(TokenKind.Minus).Then(Word, (dash, word) => (dash, word)).AtLeastOnce()
                .Select(pairs =>
                {
                    var list = pairs.ToList();
                    return (Func<SyntaxToken, ArgumentSyntax>)(first => new MixtureSyntax([first, .. list.Select(p => p.word)], [.. list.Select(p => p.dash)]));
                });

        private static readonly Parser<SyntaxToken, Func<SyntaxToken, ArgumentSyntax>> RatioTail =
            Map(
                (names, equals, firstPart, parts) =>
                {
                    var (nameList, partList) = (names.ToList(), parts.ToList());
                    return (Func<SyntaxToken, ArgumentSyntax>)(first => new RatioSyntax(
                        [first, .. nameList.Select(n => n.word)],
                        [.. nameList.Select(n => n.colon)],
                        equals,
                        [firstPart, .. partList.Select(p => p.number)],
                        [.. partList.Select(p => p.colon)]));
                },
                Tok(TokenKind.Colon).Then(Word, (colon, word) => (colon, word)).AtLeastOnce(),
                Tok(TokenKind.Equals),
                Number,
                Tok(TokenKind.Colon).Then(Number, (colon, number) => (colon, number)).AtLeastOnce());

        private static readonly Parser<SyntaxToken, ArgumentSyntax> NameLike =
            Map((first, tail) => tail(first), Word,
                new TokenChoice<Func<SyntaxToken, ArgumentSyntax>>(t => t.Kind switch { TokenKind.Minus => MixtureTail, TokenKind.Colon => RatioTail, _ => null },
                    Return<Func<SyntaxToken, ArgumentSyntax>>(static first => new NameSyntax(first)), null));

        public static readonly Parser<SyntaxToken, ArgumentSyntax> Argument =
            new TokenChoice<ArgumentSyntax>(t => t.Kind switch
            {
                TokenKind.Number => Quantity,
                TokenKind.Word => NameLike,
                TokenKind.String => StringArgument,
                _ => null,
            }, null, "an argument (a quantity, a name or a string)");

        /// <summary>One argument and how many tokens it took, for the step parser's recovery loop.</summary>
        public static readonly Parser<SyntaxToken, (ArgumentSyntax Argument, int Length)> SizedArgument =
            Map((argument, length) => (argument, length), Argument, CurrentOffset);

        private static readonly Parser<SyntaxToken, NamedArgumentSyntax> NamedArgument =
            OneOf(
                Try(Map((name, equals, value) => new NamedArgumentSyntax(name, equals, value), Word, Tok(TokenKind.Equals), Argument)),
                Argument.Select(value => new NamedArgumentSyntax(null, null, value)));

        private static readonly Parser<SyntaxToken, ArgumentListSyntax> ArgumentList =
            Map(
                (open, list, close) => new ArgumentListSyntax(open, list.Items, list.Separators, close),
                Tok(TokenKind.OpenParen),
                SeparatedWithCommas(NamedArgument),
                Tok(TokenKind.CloseParen));

        private static readonly Parser<SyntaxToken, ParameterSyntax> Parameter =
            Map(
                (name, colon, type, initial) => new ParameterSyntax(name, colon, type, initial.HasValue ? initial.Value.equals : null, initial.HasValue ? initial.Value.value : null),
                Word,
                Tok(TokenKind.Colon),
                Tok(TokenKind.Word, "a parameter type (e.g. temperature, time, concentration)"),
                Tok(TokenKind.Equals).Then(Argument, (equals, value) => (equals, value)).Optional());

        private static readonly Parser<SyntaxToken, ParameterListSyntax> ParameterList =
            Map(
                (open, list, close) => new ParameterListSyntax(open, list.Items, list.Separators, close),
                Tok(TokenKind.OpenParen),
                SeparatedWithCommas(Parameter),
                Tok(TokenKind.CloseParen));

        /// <summary><c>recipe NAME [(params)] [for MATERIAL] {</c> — the brace itself is checked by the driver.</summary>
        public static readonly Parser<SyntaxToken, (SyntaxToken Name, ParameterListSyntax? Parameters, SyntaxToken? For, SyntaxToken? Material)> RecipeHeader =
            Map(
                (_, name, parameters, material) => (name, parameters.HasValue ? parameters.Value : null, material.HasValue ? (SyntaxToken?)material.Value.forKeyword : null, material.HasValue ? (SyntaxToken?)material.Value.material : null),
                Tok(TokenKind.RecipeKeyword),
                OneOf(Word, Tok(TokenKind.String)).Labelled("a recipe name"),
                ParameterList.Optional(),
                Tok(TokenKind.ForKeyword).Then(Tok(TokenKind.Word, "a material (e.g. NCM523)"), (forKeyword, material) => (forKeyword, material)).Optional())
            .Before(End.Labelled("'{'"));

        public delegate StatementSyntax StatementFactory(SyntaxToken? then, SyntaxToken? semicolon);

        private static readonly Parser<SyntaxToken, StatementFactory> Step =
            Map((operation, arguments) => (StatementFactory)((then, semi) => new StepSyntax(then, operation, [.. arguments], semi)),
                Tok(TokenKind.Word, "an operation"), Argument.Many());

        private static readonly Parser<SyntaxToken, StatementFactory> Use =
            Map((keyword, name, arguments) => (StatementFactory)((then, semi) => new UseSyntax(then, keyword, name, arguments.HasValue ? arguments.Value : null, semi)),
                Tok(TokenKind.UseKeyword), OneOf(Word, Tok(TokenKind.String)).Labelled("a recipe name"), ArgumentList.Optional());

        private static readonly Parser<SyntaxToken, StatementFactory> Let =
            Map((keyword, name, equals, value) => (StatementFactory)((then, semi) => new LetSyntax(then, keyword, name, equals, value, semi)),
                Tok(TokenKind.LetKeyword), Tok(TokenKind.Word, "a constant name"), Tok(TokenKind.Equals), Argument);

        private static readonly Parser<SyntaxToken, StatementFactory> Import =
            Map((keyword, path) => (StatementFactory)((then, semi) => new ImportSyntax(then, keyword, path, semi)),
                Tok(TokenKind.ImportKeyword), Tok(TokenKind.String, "a file path in quotes"));

        private static readonly Parser<SyntaxToken, DefectSyntax> Defect =
            Map((name, arguments) => new DefectSyntax(name, arguments.HasValue ? arguments.Value : null),
                Tok(TokenKind.Word, "a defect name (e.g. lithium_loss)"), ArgumentList.Optional());

        private static readonly Parser<SyntaxToken, StatementFactory> Defects =
            Map((keyword, list) => (StatementFactory)((then, semi) => new DefectsSyntax(then, keyword, list.Items, list.Separators, semi)),
                Tok(TokenKind.DefectsKeyword), SeparatedWithCommas(Defect, atLeastOne: true));

        private static readonly Parser<SyntaxToken, StatementFactory> Clause =
            Map((keyword, arguments) => (StatementFactory)((then, semi) => new ClauseSyntax(then, keyword, [.. arguments], semi)),
                OneOf(Tok(TokenKind.BatchKeyword), Tok(TokenKind.ExpectKeyword), Tok(TokenKind.NoteKeyword)), Argument.AtLeastOnce());

        private static readonly Parser<SyntaxToken, StatementFactory> UseStatement = Use.Before(End.Labelled("end of step"));
        private static readonly Parser<SyntaxToken, StatementFactory> LetStatement = Let.Before(End.Labelled("end of step"));
        private static readonly Parser<SyntaxToken, StatementFactory> ImportStatement = Import.Before(End.Labelled("end of step"));
        private static readonly Parser<SyntaxToken, StatementFactory> DefectsStatement = Defects.Before(End.Labelled("end of step"));
        private static readonly Parser<SyntaxToken, StatementFactory> ClauseStatement = Clause.Before(End.Labelled("end of step"));
        private static readonly Parser<SyntaxToken, StatementFactory> StepStatement = Step.Before(End.Labelled("end of step"));

        /// <summary>The first token decides the statement (the language is LL(1) there), so no alternative is tried and undone.</summary>
        public static Parser<SyntaxToken, StatementFactory> StatementFor(TokenKind first) => first switch
        {
            TokenKind.UseKeyword => UseStatement,
            TokenKind.LetKeyword => LetStatement,
            TokenKind.ImportKeyword => ImportStatement,
            TokenKind.DefectsKeyword => DefectsStatement,
            TokenKind.BatchKeyword or TokenKind.ExpectKeyword or TokenKind.NoteKeyword => ClauseStatement,
            _ => StepStatement,
        };

        private static Parser<SyntaxToken, (ImmutableArray<T> Items, ImmutableArray<SyntaxToken> Separators)> SeparatedWithCommas<T>(Parser<SyntaxToken, T> item, bool atLeastOne = false)
        {
            var nonEmpty = Map(
                (first, rest) => (Items: ImmutableArray.CreateRange(rest.Select(r => r.item).Prepend(first)), Separators: ImmutableArray.CreateRange(rest.Select(r => r.comma))),
                item,
                Tok(TokenKind.Comma).Then(item, (comma, next) => (comma, item: next)).Many());
            return atLeastOne ? nonEmpty : nonEmpty.Or(Return((ImmutableArray<T>.Empty, ImmutableArray<SyntaxToken>.Empty)));
        }
    }
}
