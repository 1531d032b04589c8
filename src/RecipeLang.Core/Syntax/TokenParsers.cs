using System.Diagnostics.CodeAnalysis;
using Pidgin;

namespace RecipeLang.Syntax;

/// <summary>
/// One token that a test accepts, reported as one label when it is missing: what <c>Token(test).Labelled(label)</c>
/// does, without the labelled wrapper's own expected-list, which Pidgin fetches from the configuration through a generic
/// virtual call on every attempt. Every token the grammar matches goes through here, so that cost was a tenth of parsing.
/// </summary>
internal abstract class LabelledToken(string label) : Parser<SyntaxToken, SyntaxToken>
{
    private readonly Expected<SyntaxToken> _expected = new(label);

    protected abstract bool Accepts(SyntaxToken token);

    public sealed override bool TryParse(ref ParseState<SyntaxToken> state, ref PooledList<Expected<SyntaxToken>> expecteds, [MaybeNullWhen(false)] out SyntaxToken result)
    {
        if (!state.HasCurrent || !Accepts(state.Current))
        {
            result = default;
            return Fail(ref state, ref expecteds, _expected);
        }
        result = state.Current;
        state.Advance();
        return true;
    }

    /// <summary>What a token parser does where its token is not: the error at the current token (or the end), and its label.</summary>
    internal static bool Fail(ref ParseState<SyntaxToken> state, ref PooledList<Expected<SyntaxToken>> expecteds, Expected<SyntaxToken>? expected)
    {
        state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<SyntaxToken>(), !state.HasCurrent, state.Location, null);
        if (expected is { } label)
        {
            expecteds.Add(label);
        }
        return false;
    }
}

/// <summary>A token of one kind.</summary>
internal sealed class TokenOfKind(TokenKind kind, string label) : LabelledToken(label)
{
    protected override bool Accepts(SyntaxToken token) => token.Kind == kind;
}

/// <summary>A glued unit, or a spaced one that the unit table knows ("220 C").</summary>
internal sealed class UnitToken() : LabelledToken("a unit")
{
    protected override bool Accepts(SyntaxToken token) => IsUnit(token);

    public static bool IsUnit(SyntaxToken token) =>
        token.Kind == TokenKind.Unit || (token.Kind == TokenKind.Word && !token.StartsLine && Units.UnitTable.TryLookup(token.Text, out _));
}

/// <summary>
/// An LL(1) choice: the current token picks the one alternative that can start with it, or <paramref name="otherwise"/>
/// when none can. It gives the results and errors of <c>OneOf</c> over alternatives that start with different tokens
/// (an alternative that does not start with the current token fails there without consuming it, so <c>OneOf</c> would
/// move on), without trying and undoing the others: <c>OneOf</c> fetches two expected-lists per attempt and every
/// failed alternative fills one. With a <paramref name="label"/> a failure reports the label only, as
/// <c>Labelled</c> does.
/// </summary>
internal sealed class TokenChoice<T>(Func<SyntaxToken, Parser<SyntaxToken, T>?> pick, Parser<SyntaxToken, T>? otherwise, string? label) : Parser<SyntaxToken, T>
{
    private readonly Expected<SyntaxToken>? _expected = label is null ? null : new(label);

    public override bool TryParse(ref ParseState<SyntaxToken> state, ref PooledList<Expected<SyntaxToken>> expecteds, [MaybeNullWhen(false)] out T result)
    {
        var chosen = (state.HasCurrent ? pick(state.Current) : null) ?? otherwise;
        if (chosen is null)
        {
            result = default;
            return LabelledToken.Fail(ref state, ref expecteds, _expected);
        }
        if (_expected is not { } replacement)
        {
            return chosen.TryParse(ref state, ref expecteds, out result);
        }
        var inner = new PooledList<Expected<SyntaxToken>>(ParseArrayPools.ExpectedPool(state.Configuration));
        var success = chosen.TryParse(ref state, ref inner, out result);
        inner.Dispose();
        if (!success)
        {
            expecteds.Add(replacement);
        }
        return success;
    }
}
