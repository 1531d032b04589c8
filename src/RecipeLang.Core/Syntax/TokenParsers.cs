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
        if (!state.HasCurrent)
        {
            state.SetError(Maybe.Nothing<SyntaxToken>(), true, state.Location, null);
            expecteds.Add(_expected);
            result = default;
            return false;
        }
        var token = state.Current;
        if (!Accepts(token))
        {
            state.SetError(Maybe.Just(token), false, state.Location, null);
            expecteds.Add(_expected);
            result = default;
            return false;
        }
        state.Advance();
        result = token;
        return true;
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
    protected override bool Accepts(SyntaxToken token) =>
        token.Kind == TokenKind.Unit || (token.Kind == TokenKind.Word && !token.StartsLine && Units.UnitTable.TryLookup(token.Text, out _));
}
