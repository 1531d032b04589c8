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
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    // A token is its start and a shared shape (kind, text, trivia, line flags): the same spelling with the same
    // spaces around it recurs thousands of times in a library, so the lexer hands out one shape for all of them
    // (a token was 56 bytes, now 32). Trivia is kept without positions: leading trivia ends where the token starts and
    // trailing trivia starts where it ends, so spans are computed when read, and moving a token copies 32 bytes.
    private readonly int _start;
    private readonly TokenShape _shape;

    internal SyntaxToken(int start, TokenShape shape)
    {
        _start = start;
        _shape = shape;
    }

    /// <summary>A token with a shape of its own: a missing token, or one the lexer does not share.</summary>
    internal SyntaxToken(TokenKind kind, TextSpan span, string text, ImmutableArray<TriviaPiece> leading, ImmutableArray<TriviaPiece> trailing, bool startsLine, bool isGlued)
        : this(span.Start, new TokenShape(kind, text, leading, trailing, startsLine, isGlued))
    {
        System.Diagnostics.Debug.Assert(span.Length == text.Length, "a token's text is the text of its span");
    }

    /// <summary>The same token <paramref name="delta"/> characters later (or earlier) in a new version of the text.</summary>
    internal SyntaxToken MovedBy(int delta) => delta == 0 ? this : new SyntaxToken(_start + delta, _shape);

    public TokenKind Kind => _shape.Kind;

    public TextSpan Span => new(_start, _shape.Text.Length);

    public string Text => _shape.Text;

    public ImmutableArray<SyntaxTrivia> LeadingTrivia => Positioned(_shape.Leading, FullStart);

    public ImmutableArray<SyntaxTrivia> TrailingTrivia => Positioned(_shape.Trailing, _start + _shape.Text.Length);

    internal int LeadingTriviaCount => _shape.Leading.Length;

    internal int TrailingTriviaCount => _shape.Trailing.Length;

    /// <summary>The full start: where the leading trivia begins.</summary>
    internal int FullStart
    {
        get
        {
            var start = _start;
            foreach (var piece in _shape.Leading)
            {
                start -= piece.Text.Length;
            }
            return start;
        }
    }

    /// <summary>Appends the token's text with its trivia: the exact source it was lexed from.</summary>
    internal void WriteFullText(System.Text.StringBuilder builder)
    {
        foreach (var piece in _shape.Leading)
        {
            builder.Append(piece.Text);
        }
        builder.Append(_shape.Text);
        foreach (var piece in _shape.Trailing)
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
    public bool StartsLine => _shape.StartsLine;

    /// <summary>No trivia at all between this token and the previous one (a glued unit, a formula's '-').</summary>
    public bool IsGlued => _shape.IsGlued;

    public bool IsMissing => Span.Length == 0 && Kind != TokenKind.EndOfFile;

    /// <summary>
    /// The token, or null for the default value: a node stores an optional token in 16 bytes this way rather than in a
    /// nullable's 24 (a library has a then, a semicolon or a unit slot in almost every statement).
    /// </summary>
    internal SyntaxToken? OrNone() => _shape is null ? null : this;

    public override string ToString() => $"{Kind} '{Text}' {Span}";

    /// <summary>Two tokens are the same token when they stand at the same place with the same shape.</summary>
    public bool Equals(SyntaxToken other) => _start == other._start && ReferenceEquals(_shape, other._shape);

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);

    public override int GetHashCode() => HashCode.Combine(_start, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_shape));
}

/// <summary>One piece of trivia as a token stores it: its kind and text, placed by the token it belongs to.</summary>
internal readonly record struct TriviaPiece(TriviaKind Kind, string Text);

/// <summary>What a token is apart from where it stands; immutable, so one instance serves every token alike.</summary>
internal sealed class TokenShape(TokenKind kind, string text, ImmutableArray<TriviaPiece> leading, ImmutableArray<TriviaPiece> trailing, bool startsLine, bool isGlued)
{
    public TokenKind Kind { get; } = kind;

    public string Text { get; } = text;

    public ImmutableArray<TriviaPiece> Leading { get; } = leading;

    public ImmutableArray<TriviaPiece> Trailing { get; } = trailing;

    public bool StartsLine { get; } = startsLine;

    public bool IsGlued { get; } = isGlued;

    private static readonly TokenShape?[] Slots = new TokenShape?[1 << 14];

    /// <summary>
    /// The shape for a token without comments whose text and leading trivia are the lexer's shared instances. A fixed
    /// table of slots like <see cref="TextTable"/>: a slot keeps the last shape hashed to it, so a collision costs a new
    /// shape, never a wrong one, and threads need no lock. Shapes are compared by reference on their parts.
    /// </summary>
    public static TokenShape Shared(TokenKind kind, string text, ImmutableArray<TriviaPiece> leading, bool startsLine, bool isGlued)
    {
        var hash = HashCode.Combine(kind, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(text),
            leading.IsDefaultOrEmpty ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(leading)), startsLine, isGlued);
        var slot = hash & (Slots.Length - 1);
        var entry = Volatile.Read(ref Slots[slot]);
        if (entry is not null && entry.Kind == kind && ReferenceEquals(entry.Text, text) && entry.Leading == leading
            && entry.Trailing.IsEmpty && entry.StartsLine == startsLine && entry.IsGlued == isGlued)
        {
            return entry;
        }
        entry = new TokenShape(kind, text, leading, [], startsLine, isGlued);
        Volatile.Write(ref Slots[slot], entry);
        return entry;
    }
}
