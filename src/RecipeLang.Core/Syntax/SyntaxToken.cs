using System.Collections.Immutable;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

public enum TriviaKind
{
    Whitespace,
    NewLine,
    Comment,
}

/// <summary>Text between tokens that carries no meaning but must survive formatting: spaces, line breaks, comments.</summary>
public sealed record SyntaxTrivia(TriviaKind Kind, TextSpan Span, string Text);

/// <summary>
/// A token with its exact span and the trivia before it. Like Roslyn, a token owns the comment that ends its
/// line (trailing trivia); everything else before a token is its leading trivia.
/// </summary>
public sealed class SyntaxToken
{
    public SyntaxToken(TokenKind kind, TextSpan span, string text, ImmutableArray<SyntaxTrivia> leading, ImmutableArray<SyntaxTrivia> trailing, bool startsLine, bool isGlued)
    {
        Kind = kind;
        Span = span;
        Text = text;
        LeadingTrivia = leading;
        TrailingTrivia = trailing;
        StartsLine = startsLine;
        IsGlued = isGlued;
    }

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    public string Text { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; }

    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; }

    /// <summary>A line break separates this token from the previous one: newlines end steps.</summary>
    public bool StartsLine { get; }

    /// <summary>No trivia at all between this token and the previous one (a glued unit, a formula's '-').</summary>
    public bool IsGlued { get; }

    public bool IsMissing => Span.Length == 0 && Kind != TokenKind.EndOfFile;

    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
