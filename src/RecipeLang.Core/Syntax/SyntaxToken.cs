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
    // Trivia as lexed, and how far this token moved since (a token an incremental parse reused after an edit): the
    // moved trivia are made only when someone reads them, so reusing a token costs one object, not its trivia too.
    private readonly ImmutableArray<SyntaxTrivia> _leading;
    private readonly ImmutableArray<SyntaxTrivia> _trailing;
    private readonly int _triviaDelta;
    private SyntaxTrivia[]? _movedLeading;
    private SyntaxTrivia[]? _movedTrailing;

    public SyntaxToken(TokenKind kind, TextSpan span, string text, ImmutableArray<SyntaxTrivia> leading, ImmutableArray<SyntaxTrivia> trailing, bool startsLine, bool isGlued)
    {
        Kind = kind;
        Span = span;
        Text = text;
        _leading = leading;
        _trailing = trailing;
        StartsLine = startsLine;
        IsGlued = isGlued;
    }

    private SyntaxToken(SyntaxToken token, int delta)
        : this(token.Kind, new TextSpan(token.Span.Start + delta, token.Span.Length), token.Text, token._leading, token._trailing, token.StartsLine, token.IsGlued)
    {
        _triviaDelta = token._triviaDelta + delta;
    }

    /// <summary>The same token <paramref name="delta"/> characters later (or earlier) in a new version of the text.</summary>
    internal SyntaxToken MovedBy(int delta) => delta == 0 ? this : new SyntaxToken(this, delta);

    public TokenKind Kind { get; }

    public TextSpan Span { get; }

    public string Text { get; }

    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _triviaDelta == 0 || _leading.IsEmpty ? _leading : Moved(_leading, ref _movedLeading);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _triviaDelta == 0 || _trailing.IsEmpty ? _trailing : Moved(_trailing, ref _movedTrailing);

    /// <summary>The full start: where the leading trivia begins.</summary>
    internal int FullStart => _leading.IsEmpty ? Span.Start : _leading[0].Span.Start + _triviaDelta;

    private ImmutableArray<SyntaxTrivia> Moved(ImmutableArray<SyntaxTrivia> trivia, ref SyntaxTrivia[]? cache)
    {
        // Racing readers compute equal arrays; whichever is stored, every reader gets a correct one.
        var moved = cache;
        if (moved is null)
        {
            moved = new SyntaxTrivia[trivia.Length];
            for (var i = 0; i < moved.Length; i++)
            {
                moved[i] = trivia[i] with { Span = new TextSpan(trivia[i].Span.Start + _triviaDelta, trivia[i].Span.Length) };
            }
            cache = moved;
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(moved);
    }

    /// <summary>A line break separates this token from the previous one: newlines end steps.</summary>
    public bool StartsLine { get; }

    /// <summary>No trivia at all between this token and the previous one (a glued unit, a formula's '-').</summary>
    public bool IsGlued { get; }

    public bool IsMissing => Span.Length == 0 && Kind != TokenKind.EndOfFile;

    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
