using System.Collections.Immutable;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

/// <summary>
/// An immutable node of the full-fidelity tree: its tokens (with their trivia) reproduce the source exactly.
/// Spans exclude trivia, so a diagnostic on a node underlines just the code.
/// </summary>
public abstract class SyntaxNode
{
    /// <summary>The node's tokens in source order, including missing (zero-width) ones.</summary>
    public abstract IEnumerable<SyntaxToken> Tokens();

    public virtual IEnumerable<SyntaxNode> ChildNodes() => [];

    public virtual TextSpan Span
    {
        get
        {
            SyntaxToken? first = null, last = null;
            foreach (var token in Tokens())
            {
                first ??= token;
                last = token;
            }
            return first is { } firstToken ? TextSpan.FromBounds(firstToken.Span.Start, last!.Value.Span.End) : default;
        }
    }

    /// <summary>The exact source text of the node, trivia included: the tree is lossless.</summary>
    public string ToFullString()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var token in Tokens())
        {
            token.WriteFullText(builder);
        }
        return builder.ToString();
    }

    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        yield return this;
        foreach (var child in ChildNodes())
        {
            foreach (var node in child.DescendantNodesAndSelf())
            {
                yield return node;
            }
        }
    }

    protected static IEnumerable<SyntaxToken> Interleave(ImmutableArray<SyntaxToken> items, ImmutableArray<SyntaxToken> separators)
    {
        for (var i = 0; i < items.Length; i++)
        {
            yield return items[i];
            if (i < separators.Length)
            {
                yield return separators[i];
            }
        }
    }
}

public sealed class CompilationUnitSyntax(ImmutableArray<StatementSyntax> statements, SyntaxToken endOfFile) : SyntaxNode
{
    public ImmutableArray<StatementSyntax> Statements { get; } = statements;

    /// <summary>Holds the trivia (comments) after the last statement.</summary>
    public SyntaxToken EndOfFile { get; } = endOfFile;

    public IEnumerable<RecipeSyntax> Recipes => Statements.OfType<RecipeSyntax>();

    public override IEnumerable<SyntaxToken> Tokens() => Statements.SelectMany(s => s.Tokens()).Append(EndOfFile);

    public override IEnumerable<SyntaxNode> ChildNodes() => Statements;
}

/// <summary>
/// Anything that stands on its own between separators. <see cref="Then"/> and <see cref="Semicolon"/> are the
/// separators written before and after it, kept so the formatter and the tree reproduce the text.
/// </summary>
public abstract class StatementSyntax(SyntaxToken? then, SyntaxToken? semicolon) : SyntaxNode
{
    public SyntaxToken? Then => _then.OrNone();

    private readonly SyntaxToken _then = then ?? default;

    public SyntaxToken? Semicolon => _semicolon.OrNone();

    private readonly SyntaxToken _semicolon = semicolon ?? default;

    public override IEnumerable<SyntaxToken> Tokens()
    {
        if (Then is { } thenToken)
        {
            yield return thenToken;
        }
        foreach (var token in BodyTokens())
        {
            yield return token;
        }
        if (Semicolon is { } semicolonToken)
        {
            yield return semicolonToken;
        }
    }

    /// <summary>The statement's own tokens, without the separators around it.</summary>
    public abstract IEnumerable<SyntaxToken> BodyTokens();
}

public sealed class ImportSyntax(SyntaxToken? then, SyntaxToken importKeyword, SyntaxToken path, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken ImportKeyword { get; } = importKeyword;

    /// <summary>A string token; may be missing.</summary>
    public SyntaxToken Path { get; } = path;

    public override IEnumerable<SyntaxToken> BodyTokens() => [ImportKeyword, Path];
}

public sealed class LetSyntax(SyntaxToken? then, SyntaxToken letKeyword, SyntaxToken name, SyntaxToken equals, ArgumentSyntax value, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken LetKeyword { get; } = letKeyword;

    public SyntaxToken Name { get; } = name;

    public SyntaxToken EqualsToken { get; } = equals;

    public ArgumentSyntax Value { get; } = value;

    public override IEnumerable<SyntaxToken> BodyTokens() => new[] { LetKeyword, Name, EqualsToken }.Concat(Value.Tokens());

    public override IEnumerable<SyntaxNode> ChildNodes() => [Value];
}

public sealed class RecipeSyntax(
    SyntaxToken recipeKeyword,
    SyntaxToken name,
    ParameterListSyntax? parameters,
    SyntaxToken? forKeyword,
    SyntaxToken? material,
    SyntaxToken openBrace,
    ImmutableArray<StatementSyntax> body,
    SyntaxToken closeBrace,
    SyntaxToken? semicolon) : StatementSyntax(null, semicolon)
{
    public SyntaxToken RecipeKeyword { get; } = recipeKeyword;

    /// <summary>A word, or a string for names that are not identifiers.</summary>
    public SyntaxToken Name { get; } = name;

    public ParameterListSyntax? Parameters { get; } = parameters;

    public SyntaxToken? ForKeyword => _forKeyword.OrNone();

    private readonly SyntaxToken _forKeyword = forKeyword ?? default;

    public SyntaxToken? Material => _material.OrNone();

    private readonly SyntaxToken _material = material ?? default;

    public SyntaxToken OpenBrace { get; } = openBrace;

    public ImmutableArray<StatementSyntax> Body { get; } = body;

    /// <summary>Missing (zero-width) when the file ends or another recipe starts first.</summary>
    public SyntaxToken CloseBrace { get; } = closeBrace;

    /// <summary>The recipe's name as written, without quotes.</summary>
    public string NameText => Name.Kind == TokenKind.String ? StringSyntax.Unquote(Name.Text) : Name.Text;

    public override IEnumerable<SyntaxToken> BodyTokens()
    {
        yield return RecipeKeyword;
        yield return Name;
        if (Parameters is not null)
        {
            foreach (var token in Parameters.Tokens())
            {
                yield return token;
            }
        }
        if (ForKeyword is { } forKeywordToken)
        {
            yield return forKeywordToken;
        }
        if (Material is { } materialToken)
        {
            yield return materialToken;
        }
        yield return OpenBrace;
        foreach (var token in Body.SelectMany(s => s.Tokens()))
        {
            yield return token;
        }
        yield return CloseBrace;
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Parameters is null ? Body : Body.Prepend<SyntaxNode>(Parameters);
}

public sealed class ParameterListSyntax(SyntaxToken open, ImmutableArray<ParameterSyntax> parameters, ImmutableArray<SyntaxToken> commas, SyntaxToken close) : SyntaxNode
{
    public SyntaxToken Open { get; } = open;

    public ImmutableArray<ParameterSyntax> Parameters { get; } = parameters;

    public ImmutableArray<SyntaxToken> Commas { get; } = commas;

    public SyntaxToken Close { get; } = close;

    public override IEnumerable<SyntaxToken> Tokens()
    {
        yield return Open;
        for (var i = 0; i < Parameters.Length; i++)
        {
            foreach (var token in Parameters[i].Tokens())
            {
                yield return token;
            }
            if (i < Commas.Length)
            {
                yield return Commas[i];
            }
        }
        yield return Close;
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Parameters;
}

/// <summary><c>T: temperature = 220C</c> in a parameterised recipe's header.</summary>
public sealed class ParameterSyntax(SyntaxToken name, SyntaxToken colon, SyntaxToken type, SyntaxToken? equals, ArgumentSyntax? defaultValue) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public SyntaxToken Colon { get; } = colon;

    public SyntaxToken Type { get; } = type;

    public SyntaxToken? EqualsToken => _equalsToken.OrNone();

    private readonly SyntaxToken _equalsToken = equals ?? default;

    public ArgumentSyntax? Default { get; } = defaultValue;

    public override IEnumerable<SyntaxToken> Tokens()
    {
        yield return Name;
        yield return Colon;
        yield return Type;
        if (EqualsToken is { } equalsToken && Default is not null)
        {
            yield return equalsToken;
            foreach (var token in Default.Tokens())
            {
                yield return token;
            }
        }
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Default is null ? [] : [Default];
}

/// <summary><c>(T = 200C, 3h)</c> after <c>use NAME</c> or a defect name.</summary>
public sealed class ArgumentListSyntax(SyntaxToken open, ImmutableArray<NamedArgumentSyntax> arguments, ImmutableArray<SyntaxToken> commas, SyntaxToken close) : SyntaxNode
{
    public SyntaxToken Open { get; } = open;

    public ImmutableArray<NamedArgumentSyntax> Arguments { get; } = arguments;

    public ImmutableArray<SyntaxToken> Commas { get; } = commas;

    public SyntaxToken Close { get; } = close;

    public override IEnumerable<SyntaxToken> Tokens()
    {
        yield return Open;
        for (var i = 0; i < Arguments.Length; i++)
        {
            foreach (var token in Arguments[i].Tokens())
            {
                yield return token;
            }
            if (i < Commas.Length)
            {
                yield return Commas[i];
            }
        }
        yield return Close;
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Arguments;
}

public sealed class NamedArgumentSyntax(SyntaxToken? name, SyntaxToken? equals, ArgumentSyntax value) : SyntaxNode
{
    public SyntaxToken? Name => _name.OrNone();

    private readonly SyntaxToken _name = name ?? default;

    public SyntaxToken? EqualsToken => _equalsToken.OrNone();

    private readonly SyntaxToken _equalsToken = equals ?? default;

    public ArgumentSyntax Value { get; } = value;

    public override IEnumerable<SyntaxToken> Tokens() =>
        Name is not { } name || EqualsToken is not { } equalsToken ? Value.Tokens() : new[] { name, equalsToken }.Concat(Value.Tokens());

    public override IEnumerable<SyntaxNode> ChildNodes() => [Value];
}

/// <summary><c>defects lithium_loss(li_tm = 0.62), cation_mixing</c>.</summary>
public sealed class DefectsSyntax(SyntaxToken? then, SyntaxToken keyword, ImmutableArray<DefectSyntax> defects, ImmutableArray<SyntaxToken> commas, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken Keyword { get; } = keyword;

    public ImmutableArray<DefectSyntax> Defects { get; } = defects;

    public ImmutableArray<SyntaxToken> Commas { get; } = commas;

    public override IEnumerable<SyntaxToken> BodyTokens()
    {
        yield return Keyword;
        for (var i = 0; i < Defects.Length; i++)
        {
            foreach (var token in Defects[i].Tokens())
            {
                yield return token;
            }
            if (i < Commas.Length)
            {
                yield return Commas[i];
            }
        }
    }

    public override IEnumerable<SyntaxNode> ChildNodes() => Defects;
}

public sealed class DefectSyntax(SyntaxToken name, ArgumentListSyntax? arguments) : SyntaxNode
{
    public SyntaxToken Name { get; } = name;

    public ArgumentListSyntax? Arguments { get; } = arguments;

    public override IEnumerable<SyntaxToken> Tokens() => Arguments is null ? [Name] : Arguments.Tokens().Prepend(Name);

    public override IEnumerable<SyntaxNode> ChildNodes() => Arguments is null ? [] : [Arguments];
}

/// <summary>
/// A clause of recipe metadata whose arguments are a flat list: <c>batch 50 g</c>, <c>expect 166 mAh/g at 0.1C</c>,
/// <c>note "..."</c>. Metadata, never a step.
/// </summary>
public sealed class ClauseSyntax(SyntaxToken? then, SyntaxToken keyword, ImmutableArray<ArgumentSyntax> arguments, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken Keyword { get; } = keyword;

    public ImmutableArray<ArgumentSyntax> Arguments { get; } = arguments;

    public override IEnumerable<SyntaxToken> BodyTokens() => Arguments.SelectMany(a => a.Tokens()).Prepend(Keyword);

    public override IEnumerable<SyntaxNode> ChildNodes() => Arguments;
}

/// <summary>An operation and its arguments: <c>anneal 850C O2 4h ramp 5C/min</c>.</summary>
public sealed class StepSyntax(SyntaxToken? then, SyntaxToken operation, ImmutableArray<ArgumentSyntax> arguments, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken Operation { get; } = operation;

    public ImmutableArray<ArgumentSyntax> Arguments { get; } = arguments;

    public override IEnumerable<SyntaxToken> BodyTokens() => Arguments.SelectMany(a => a.Tokens()).Prepend(Operation);

    public override IEnumerable<SyntaxNode> ChildNodes() => Arguments;
}

/// <summary><c>use relithiate(T = 200C)</c>: the steps of another recipe, in place.</summary>
public sealed class UseSyntax(SyntaxToken? then, SyntaxToken useKeyword, SyntaxToken name, ArgumentListSyntax? arguments, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public SyntaxToken UseKeyword { get; } = useKeyword;

    public SyntaxToken Name { get; } = name;

    public ArgumentListSyntax? Arguments { get; } = arguments;

    public override IEnumerable<SyntaxToken> BodyTokens() =>
        Arguments is null ? [UseKeyword, Name] : Arguments.Tokens().Prepend(Name).Prepend(UseKeyword);

    public override IEnumerable<SyntaxNode> ChildNodes() => Arguments is null ? [] : [Arguments];
}

/// <summary>The tokens of a statement that did not parse; the error is reported once, at the offending token.</summary>
public sealed class ErrorStatementSyntax(SyntaxToken? then, ImmutableArray<SyntaxToken> tokens, SyntaxToken? semicolon) : StatementSyntax(then, semicolon)
{
    public ImmutableArray<SyntaxToken> SkippedTokens { get; } = tokens;

    public override IEnumerable<SyntaxToken> BodyTokens() => SkippedTokens;
}

public abstract class ArgumentSyntax : SyntaxNode;

/// <summary>A number with its unit, glued (<c>220C</c>) or spaced (<c>220 C</c>); the unit may be absent.</summary>
public sealed class QuantitySyntax(SyntaxToken number, SyntaxToken? unit) : ArgumentSyntax
{
    public SyntaxToken Number { get; } = number;

    public SyntaxToken? Unit => _unit.OrNone();

    private readonly SyntaxToken _unit = unit ?? default;

    /// <summary>The number's value; NaN for a malformed number (the lexer reported it), infinity when out of range.</summary>
    public double Value => double.TryParse(Number.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    public override IEnumerable<SyntaxToken> Tokens() => Unit is { } unit ? [Number, unit] : [Number];

    /// <summary>Without enumerating <see cref="Tokens"/>: the binder reads it for every quantity of every step.</summary>
    public override TextSpan Span => TextSpan.FromBounds(Number.Span.Start, (Unit ?? Number).Span.End);
}

/// <summary>A single word: a name from the catalog, a formula, a <c>let</c> constant, a keyword parameter or flag.</summary>
public sealed class NameSyntax(SyntaxToken word) : ArgumentSyntax
{
    public SyntaxToken Word { get; } = word;

    public string Text => Word.Text;

    public override IEnumerable<SyntaxToken> Tokens() => [Word];

    public override TextSpan Span => Word.Span;
}

/// <summary>A eutectic or mixture: <c>LiOH-LiNO3-LiC7H5O2</c>.</summary>
public sealed class MixtureSyntax(ImmutableArray<SyntaxToken> components, ImmutableArray<SyntaxToken> dashes) : ArgumentSyntax
{
    public ImmutableArray<SyntaxToken> Components { get; } = components;

    public ImmutableArray<SyntaxToken> Dashes { get; } = dashes;

    public override IEnumerable<SyntaxToken> Tokens() => Interleave(Components, Dashes);
}

/// <summary>Ratios: of a mixture's components <c>LiOH:LiNO3 = 4:6</c>, or bare parts <c>90:5:5</c>.</summary>
public sealed class RatioSyntax(
    ImmutableArray<SyntaxToken> components,
    ImmutableArray<SyntaxToken> componentColons,
    SyntaxToken? equals,
    ImmutableArray<SyntaxToken> parts,
    ImmutableArray<SyntaxToken> partColons) : ArgumentSyntax
{
    public ImmutableArray<SyntaxToken> Components { get; } = components;

    public ImmutableArray<SyntaxToken> ComponentColons { get; } = componentColons;

    public SyntaxToken? EqualsToken => _equalsToken.OrNone();

    private readonly SyntaxToken _equalsToken = equals ?? default;

    public ImmutableArray<SyntaxToken> Parts { get; } = parts;

    public ImmutableArray<SyntaxToken> PartColons { get; } = partColons;

    public override IEnumerable<SyntaxToken> Tokens() => EqualsToken is not { } equalsToken
        ? Interleave(Parts, PartColons)
        : Interleave(Components, ComponentColons).Append(equalsToken).Concat(Interleave(Parts, PartColons));
}

/// <summary>Tokens inside a step that are no argument (<c>anneal 850C ) O2</c>); kept so the step's other arguments still bind.</summary>
public sealed class ErrorArgumentSyntax(ImmutableArray<SyntaxToken> tokens) : ArgumentSyntax
{
    public ImmutableArray<SyntaxToken> SkippedTokens { get; } = tokens;

    public override IEnumerable<SyntaxToken> Tokens() => SkippedTokens;
}

public sealed class StringSyntax(SyntaxToken token) : ArgumentSyntax
{
    public SyntaxToken Token { get; } = token;

    public string Value => Unquote(Token.Text);

    public override IEnumerable<SyntaxToken> Tokens() => [Token];

    /// <summary>The string's value: quotes removed, escapes (\" \\ \n \t \r \uXXXX) resolved; never throws.</summary>
    public static string Unquote(string text)
    {
        var end = text.Length > 1 && text[^1] == '"' ? text.Length - 1 : text.Length;
        var builder = new System.Text.StringBuilder(end);
        for (var i = 1; i < end; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                continue;
            }
            var next = text[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'u' when i + 4 < end && int.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(next); break;
            }
        }
        return builder.ToString();
    }
}
