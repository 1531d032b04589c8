using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

/// <summary>
/// Turns text into tokens with trivia. Hand-written rather than Pidgin because it must never fail: every
/// character lands in a token or in trivia, and bad characters become <see cref="TokenKind.Bad"/> tokens
/// with a diagnostic, so the parser above it always has a complete stream to resynchronise on.
/// </summary>
public sealed class Lexer
{
    private readonly SourceText _source;
    private readonly int _length;

    // The chunk of the text being read (the whole text when it is one string): most reads are inside it.
    private string _chunk;
    private int _chunkStart;
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>Scratch list for one token's leading trivia, reused so only the final array is allocated.</summary>
    private readonly List<TriviaPiece> _trivia = [];
    private int _position;
    private readonly int _stop;
    private SyntaxToken? _previous;
    private bool _atFileStart;

    /// <summary>Where the previous token's trivia ended; -1 after a trailing comment (the next token starts a line).</summary>
    private int _previousEnd;

    private Lexer(SourceText source, int start, SyntaxToken? previous, int stop)
    {
        _source = source;
        _length = source.Length;
        (_chunk, _chunkStart) = source.ChunkAt(start);
        _position = start;
        _stop = stop;
        _previous = previous;
        _atFileStart = previous is null;
        _previousEnd = previous is not { } before ? 0 : before.TrailingTriviaCount == 0 ? before.Span.End : -1;
    }

    public static (ImmutableArray<SyntaxToken> Tokens, ImmutableArray<Diagnostic> Diagnostics) Lex(SourceText source)
    {
        var lexer = new Lexer(source, 0, null, int.MaxValue);
        return (lexer.LexAll(), [.. lexer._diagnostics]);
    }

    /// <summary>
    /// The tokens a lex of the whole text would give from <paramref name="start"/> (the full start of a token, just
    /// after <paramref name="previous"/> and its trailing trivia) up to the first token whose full start is at or
    /// after <paramref name="stop"/>, where an end-of-file token stands in when the text goes on. The incremental
    /// parser re-lexes a window of the text this way.
    /// </summary>
    internal static (ImmutableArray<SyntaxToken> Tokens, ImmutableArray<Diagnostic> Diagnostics) LexWindow(SourceText source, int start, SyntaxToken? previous, int stop)
    {
        var lexer = new Lexer(source, start, previous, stop);
        return (lexer.LexAll(), [.. lexer._diagnostics]);
    }

    /// <summary>A lexer for a parse that asks for one token at a time (<see cref="Next"/>), from the start of the text.</summary>
    internal static Lexer ForText(SourceText source) => new(source, 0, null, int.MaxValue);

    /// <summary>The diagnostics of the tokens lexed so far, in text order.</summary>
    internal IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    private ImmutableArray<SyntaxToken> LexAll()
    {
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        SyntaxToken token;
        do
        {
            token = Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfFile);
        return tokens.ToImmutable();
    }

    /// <summary>The next token; the last is an end-of-file token (a stand-in one at the stop of a window). Not called after it.</summary>
    internal SyntaxToken Next()
    {
        if (_position >= _stop && _position < _length)
        {
            return new SyntaxToken(TokenKind.EndOfFile, new TextSpan(_position, 0), "", [], [], true, false);
        }
        var (leading, sawNewLine, sawComment) = LexLeadingTrivia();
        var start = _position;
        var kind = LexTokenKind(_previous, _previousEnd == start && !_atFileStart);
        var span = TextSpan.FromBounds(start, _position);
        string text;
        if (kind == TokenKind.Word && TokenKinds.TryKeyword(Slice(start, span.Length), out var keyword, out var keywordText))
        {
            (kind, text) = (keyword, keywordText);
        }
        else
        {
            text = TokenKinds.FixedText(kind) ?? TextTable.Get(Slice(start, span.Length));
        }
        var trailing = kind == TokenKind.EndOfFile ? ImmutableArray<TriviaPiece>.Empty : LexTrailingTrivia();
        var glued = !_atFileStart && start == _previousEnd;
        var token = !sawComment && trailing.IsEmpty && text.Length <= TextTable.MaxLength
            ? new SyntaxToken(start, TokenShape.Shared(kind, text, leading, sawNewLine || _atFileStart, glued))
            : new SyntaxToken(kind, span, text, leading, trailing, sawNewLine || _atFileStart, glued);
        _previous = token;
        _atFileStart = false;
        // A token with a trailing comment ends its line: the next token's leading trivia starts at the newline.
        _previousEnd = trailing.IsEmpty ? _position : -1;
        return token;
    }

    private (ImmutableArray<TriviaPiece> Trivia, bool SawNewLine, bool SawComment) LexLeadingTrivia()
    {
        if (_position < _length && !IsTriviaStart(At(_position)))
        {
            return (ImmutableArray<TriviaPiece>.Empty, false, false);
        }
        var builder = _trivia;
        builder.Clear();
        var sawNewLine = false;
        var sawComment = false;
        while (_position < _length)
        {
            var c = At(_position);
            if (c == '\n' || c == '\r')
            {
                var start = _position;
                _position += c == '\r' && Peek(1) == '\n' ? 2 : 1;
                builder.Add(Trivia(TriviaKind.NewLine, start));
                sawNewLine = true;
            }
            else if (IsSpace(c))
            {
                builder.Add(LexSpaces());
            }
            else if (c == '#')
            {
                builder.Add(LexComment());
                sawComment = true;
            }
            else
            {
                break;
            }
        }
        return (Shared(builder), sawNewLine, sawComment);
    }

    /// <summary>Leading trivia of spaces and line breaks only, by its pieces: the same few runs (a line break and an
    /// indent, one space) come before most tokens, so one array serves them all. One table per thread: no locks, and
    /// no concurrent dictionary, whose first use costs a short command several milliseconds.</summary>
    [ThreadStatic]
    private static Dictionary<ulong, ImmutableArray<TriviaPiece>>? sharedTrivia;

    private static ImmutableArray<TriviaPiece> Shared(List<TriviaPiece> pieces)
    {
        const int maxPieces = 12, maxShared = 4096;
        if (pieces.Count > maxPieces)
        {
            return [.. pieces];
        }
        // Each piece as a digit from 1 to 18 in base 32: a line feed, a CR LF, or a run of 1 to 16 spaces.
        var key = 0UL;
        foreach (var piece in pieces)
        {
            var digit = piece.Text switch
            {
                "\n" => 1,
                "\r\n" => 2,
                var spaces when piece.Kind == TriviaKind.Whitespace && spaces.Length < Spaces.Length && ReferenceEquals(spaces, Spaces[spaces.Length]) => 2 + spaces.Length,
                _ => 0,
            };
            if (digit == 0)
            {
                return [.. pieces];
            }
            key = key << 5 | (uint)digit;
        }
        var table = sharedTrivia ??= [];
        if (table.TryGetValue(key, out var shared))
        {
            return shared;
        }
        shared = [.. pieces];
        if (table.Count < maxShared)
        {
            table.Add(key, shared);
        }
        return shared;
    }

    /// <summary>Spaces and a comment up to, not including, the end of the line.</summary>
    private ImmutableArray<TriviaPiece> LexTrailingTrivia()
    {
        if (_position >= _length || (At(_position) != '#' && !IsSpace(At(_position))))
        {
            return [];
        }
        var save = _position;
        while (_position < _length && IsSpace(At(_position)))
        {
            _position++;
        }
        if (_position < _length && At(_position) == '#')
        {
            var spaces = new TriviaPiece(TriviaKind.Whitespace, TriviaText(save, _position - save));
            var hasSpaces = _position > save;
            var comment = LexComment();
            return hasSpaces ? [spaces, comment] : [comment];
        }
        _position = save;
        return [];
    }

    private TriviaPiece LexSpaces()
    {
        var start = _position;
        while (_position < _length && IsSpace(At(_position)))
        {
            _position++;
        }
        return Trivia(TriviaKind.Whitespace, start);
    }

    private TriviaPiece LexComment()
    {
        var start = _position;
        while (_position < _length && At(_position) != '\n' && At(_position) != '\r')
        {
            _position++;
        }
        return Trivia(TriviaKind.Comment, start);
    }

    private TriviaPiece Trivia(TriviaKind kind, int start) => new(kind, TriviaText(start, _position - start));

    private static readonly string[] Spaces = [.. Enumerable.Range(0, 17).Select(n => new string(' ', n))];

    /// <summary>Runs of plain spaces and line breaks are shared strings: they are most of a file's trivia.</summary>
    private string TriviaText(int start, int length)
    {
        if (length < Spaces.Length && Slice(start, length).IndexOfAnyExcept(' ') < 0)
        {
            return Spaces[length];
        }
        return length switch
        {
            1 when At(start) == '\n' => "\n",
            2 when At(start) == '\r' && At(start + 1) == '\n' => "\r\n",
            _ => Slice(start, length).ToString(),
        };
    }

    private TokenKind LexTokenKind(SyntaxToken? previous, bool gluedToPrevious)
    {
        if (_position >= _length)
        {
            return TokenKind.EndOfFile;
        }
        if (previous is { Kind: TokenKind.Number } && gluedToPrevious)
        {
            var unitLength = UnitLength(_position);
            if (unitLength > 0)
            {
                _position += unitLength;
                return TokenKind.Unit;
            }
        }
        var c = At(_position);
        switch (c)
        {
            case '{': _position++; return TokenKind.OpenBrace;
            case '}': _position++; return TokenKind.CloseBrace;
            case ')': _position++; return TokenKind.CloseParen;
            case ',': _position++; return TokenKind.Comma;
            case ';': _position++; return TokenKind.Semicolon;
            case ':': _position++; return TokenKind.Colon;
            case '=': _position++; return TokenKind.Equals;
            case '"': return LexString();
        }
        if (c == '(')
        {
            // "(NH4)2SO4" standing alone, or after a mixture's '-', is a formula; "(" after a name is a parameter or
            // argument list.
            if ((!gluedToPrevious || previous is { Kind: TokenKind.Minus }) && TryFormulaGroup(_position, out var end))
            {
                _position = end;
                LexWordTail();
                return TokenKind.Word;
            }
            _position++;
            return TokenKind.OpenParen;
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return LexNumber();
        }
        if ((c == '-' || c == '+') && (char.IsAsciiDigit(Peek(1)) || (Peek(1) == '.' && char.IsAsciiDigit(Peek(2))))
            && !(gluedToPrevious && previous is { Kind: TokenKind.Word or TokenKind.Number or TokenKind.Unit or TokenKind.CloseParen }))
        {
            // A sign starts a number unless it is glued to a name ("LiOH-2..." never happens in formulas).
            _position++;
            return LexNumber();
        }
        if (c == '-')
        {
            _position++;
            return TokenKind.Minus;
        }
        if (IsWordStart(c))
        {
            _position++;
            LexWordTail();
            return TokenKind.Word;
        }
        var badStart = _position;
        _position++;
        if (char.IsHighSurrogate(c) && _position < _length && char.IsLowSurrogate(At(_position)))
        {
            _position++;
        }
        _diagnostics.Add(Descriptors.InvalidCharacter.Create(_source, TextSpan.FromBounds(badStart, _position), Slice(badStart, _position - badStart).ToString()));
        return TokenKind.Bad;
    }

    private void LexWordTail()
    {
        while (_position < _length)
        {
            var c = At(_position);
            if (IsWordPart(c))
            {
                _position++;
            }
            else if (c == '%' && char.IsLetter(At(_position - 1)))
            {
                // A spaced unit: "1 wt%".
                _position++;
            }
            else if ((c == '·' || c == '*' || c == '/') && _position + 1 < _length && IsWordPart(At(_position + 1)))
            {
                // Hydrates (LiOH·H2O, CuSO4*5H2O) and pairs (Al/Cu, Ag/AgCl) stay one word. A joiner is taken only
                // when the word goes on after it: a word never ends in one (a '°' after it starts the next token).
                _position++;
            }
            else if (c == '+' && _position + 1 < _length && IsWordPart(At(_position + 1)) && !char.IsDigit(At(_position + 1)))
            {
                // Combinations of additives: carbon_black+graphene.
                _position++;
            }
            else if (c == '.' && char.IsAsciiDigit(Peek(1)) && _position > 0 && char.IsAsciiDigit(At(_position - 1)))
            {
                // Fractional stoichiometry: LiNi0.8Co0.1Mn0.1O2.
                _position++;
            }
            else if (c == '(' && TryFormulaGroup(_position, out var end) && char.IsAsciiLetterUpper(At(_position + 1)))
            {
                _position = end;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// The longest parenthesised formula group looked for, in characters. Real groups are short ("(OH)2",
    /// "(NH4)2"); the bound keeps lexing linear when thousands of '(' are nested, each of which would otherwise
    /// scan to the end of the nest.
    /// </summary>
    public const int MaxFormulaGroupLength = 256;

    /// <summary>A parenthesised formula group such as "(OH)2": capital letter first, only formula characters inside.</summary>
    private bool TryFormulaGroup(int open, out int end)
    {
        end = open;
        var i = open + 1;
        if (i >= _length || !char.IsAsciiLetterUpper(At(i)))
        {
            return false;
        }
        var depth = 1;
        var limit = Math.Min(_length, open + MaxFormulaGroupLength);
        while (i < limit && depth > 0)
        {
            var c = At(i);
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '.' && c != '·')
            {
                return false;
            }
            i++;
        }
        if (depth != 0)
        {
            return false;
        }
        // Only a group followed by a count or more formula is chemistry: "Ni(OH)2", "(NH4)2SO4".
        if (i < _length && (char.IsAsciiDigit(At(i)) || char.IsAsciiLetterUpper(At(i))))
        {
            end = i;
            return true;
        }
        return false;
    }

    private TokenKind LexNumber()
    {
        var start = _position;
        while (char.IsAsciiDigit(Peek(0)))
        {
            _position++;
        }
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            while (char.IsAsciiDigit(Peek(0)))
            {
                _position++;
            }
        }
        if ((Peek(0) == 'e' || Peek(0) == 'E') && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '-' || Peek(1) == '+') && char.IsAsciiDigit(Peek(2)))))
        {
            _position += 2;
            while (char.IsAsciiDigit(Peek(0)))
            {
                _position++;
            }
        }
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            // "1.2.3": consume the rest so one malformed number yields one diagnostic.
            while (Peek(0) == '.' || char.IsAsciiDigit(Peek(0)))
            {
                _position++;
            }
            _diagnostics.Add(Descriptors.MalformedNumber.Create(_source, TextSpan.FromBounds(start, _position), Slice(start, _position - start).ToString()));
        }
        return TokenKind.Number;
    }

    private TokenKind LexString()
    {
        var start = _position;
        _position++;
        while (_position < _length)
        {
            var c = At(_position);
            if (c == '"')
            {
                _position++;
                return TokenKind.String;
            }
            if (c == '\n' || c == '\r')
            {
                break;
            }
            _position += c == '\\' && _position + 1 < _length && At(_position + 1) != '\n' && At(_position + 1) != '\r' ? 2 : 1;
        }
        _diagnostics.Add(Descriptors.UnterminatedString.Create(_source, TextSpan.FromBounds(start, _position)));
        return TokenKind.String;
    }

    /// <summary>The length of the unit glued to a number: "220C", "5C/min", "1wt%", "220°C", "10mA/g".</summary>
    private int UnitLength(int start)
    {
        var i = start;
        while (i < _length)
        {
            var c = At(i);
            if (char.IsLetter(c) || c == '%' || IsDegreeSign(c) || c == 'µ' || c == 'μ')
            {
                i++;
            }
            else if (c == '/' && i + 1 < _length && (char.IsLetter(At(i + 1)) || IsDegreeSign(At(i + 1))))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) && i > start && char.IsLetter(At(i - 1)) && (i + 1 >= _length || !char.IsLetterOrDigit(At(i + 1))))
            {
                // Exponents such as "m2/g" or "cm3" end a unit.
                i++;
            }
            else
            {
                break;
            }
        }
        return i - start;
    }

    private char Peek(int offset) => _position + offset < _length ? At(_position + offset) : '\0';

    private char At(int offset)
    {
        var index = offset - _chunkStart;
        if ((uint)index < (uint)_chunk.Length)
        {
            return _chunk[index];
        }
        (_chunk, _chunkStart) = _source.ChunkAt(offset);
        return _chunk[offset - _chunkStart];
    }

    /// <summary>The characters of [start, start + length), copied only when they cross into the next chunk.</summary>
    private ReadOnlySpan<char> Slice(int start, int length)
    {
        var index = start - _chunkStart;
        if (index >= 0 && index + length <= _chunk.Length)
        {
            return _chunk.AsSpan(index, length);
        }
        return _source.Substring(start, length);
    }

    private static bool IsTriviaStart(char c) => c == '\n' || c == '\r' || c == '#' || IsSpace(c);

    private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\u00A0' || c == '\uFEFF';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c == '_' || IsDegreeSign(c);

    /// <summary>'°' and the one-character degree Celsius sign '℃' (U+2103) people paste from documents.</summary>
    private static bool IsDegreeSign(char c) => c is '°' or '\u2103';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
