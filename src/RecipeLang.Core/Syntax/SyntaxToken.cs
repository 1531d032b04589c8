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
public readonly record struct SyntaxTrivia(TriviaKind Kind, TextSpan Span, string Text);

/// <summary>
/// A token with its exact span and the trivia before it. Like Roslyn, a token owns the comment that ends its
/// line (trailing trivia); everything else before a token is its leading trivia.
/// </summary>
public sealed class SyntaxToken
{
    // Trivia is kept without positions: leading trivia ends where the token starts and trailing trivia starts where it
    // ends, so spans are computed when read. That lets the lexer share one array for the same run of spaces and line
    // breaks everywhere in a file, and lets the incremental parser move a token by copying it with a new span.
    private readonly ImmutableArray<TriviaPiece> _leading;
    private readonly ImmutableArray<TriviaPiece> _trailing;

    internal SyntaxToken(TokenKind kind, TextSpan span, string text, ImmutableArray<TriviaPiece> leading, ImmutableArray<TriviaPiece> trailing, bool startsLine, bool isGlued)
    {
        Kind = kind;
        Span = span;
        Text = text;
        _leading = leading;
        _trailing = trailing;
        StartsLine = startsLine;
        IsGlued = isGlued;
    }

    /// <summary>The same token <paramref name="delta"/> characters later (or earlier) in a new version of the text.</summary>
    internal SyntaxToken MovedBy(int delta) =>
        delta == 0 ? this : new SyntaxToken(Kind, new TextSpan(Span.Start + delta, Span.Length), Text, _leading, _trailing, StartsLine, IsGlued);

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    public string Text { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia => Positioned(_leading, FullStart);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia => Positioned(_trailing, Span.End);

    internal int LeadingTriviaCount => _leading.Length;

    internal int TrailingTriviaCount => _trailing.Length;

    /// <summary>The full start: where the leading trivia begins.</summary>
    internal int FullStart
    {
        get
        {
            var start = Span.Start;
            foreach (var piece in _leading)
            {
                start -= piece.Text.Length;
            }
            return start;
        }
    }

    /// <summary>Appends the token's text with its trivia: the exact source it was lexed from.</summary>
    internal void WriteFullText(System.Text.StringBuilder builder)
    {
        foreach (var piece in _leading)
        {
            builder.Append(piece.Text);
        }
        builder.Append(Text);
        foreach (var piece in _trailing)
        {
            builder.Append(piece.Text);
        }
    }

    private static ImmutableArray<SyntaxTrivia> Positioned(ImmutableArray<TriviaPiece> pieces, int start)
    {
        if (pieces.IsEmpty)
        {
            return [];
        }
        var trivia = new SyntaxTrivia[pieces.Length];
        for (var i = 0; i < trivia.Length; i++)
        {
            var piece = pieces[i];
            trivia[i] = new SyntaxTrivia(piece.Kind, new TextSpan(start, piece.Text.Length), piece.Text);
            start += piece.Text.Length;
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(trivia);
    }

    /// <summary>A line break separates this token from the previous one: newlines end steps.</summary>
    public bool StartsLine { get; }

    /// <summary>No trivia at all between this token and the previous one (a glued unit, a formula's '-').</summary>
    public bool IsGlued { get; }

    public bool IsMissing => Span.Length == 0 && Kind != TokenKind.EndOfFile;

    public override string ToString() => $"{Kind} '{Text}' {Span}";
}

/// <summary>One piece of trivia as a token stores it: its kind and text, placed by the token it belongs to.</summary>
internal readonly record struct TriviaPiece(TriviaKind Kind, string Text);
