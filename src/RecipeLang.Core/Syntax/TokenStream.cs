using System.Collections.Immutable;

namespace RecipeLang.Syntax;

/// <summary>
/// The parser's tokens by index. In a full parse they are lexed as the parser reaches them, and the tokens of the
/// top-level items it has finished are let go (<see cref="Release"/>): a huge file's tokens are never all in memory
/// at once, only the largest item's. An incremental parse's window comes lexed already.
/// </summary>
internal sealed class TokenStream
{
    private readonly Lexer? _lexer;
    private SyntaxToken[] _buffer;

    /// <summary>The index of the token in <c>_buffer[0]</c>.</summary>
    private int _first;
    private int _count;

    /// <summary>A buffer per thread, reused by the next parse unless a huge item made it large.</summary>
    [ThreadStatic]
    private static SyntaxToken[]? scratch;

    private const int KeptBufferLength = 1 << 12;

    public TokenStream(Lexer lexer)
    {
        _lexer = lexer;
        _buffer = scratch ?? new SyntaxToken[KeptBufferLength];
        scratch = null;
    }

    public TokenStream(ImmutableArray<SyntaxToken> tokens)
    {
        _buffer = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(tokens)!;
        _count = tokens.Length;
    }

    /// <summary>How many tokens the stream can hold before it grows.</summary>
    internal int Capacity => _buffer.Length;

    public SyntaxToken this[int index]
    {
        get
        {
            var at = index - _first;
            if ((uint)at >= (uint)_count)
            {
                Fill(index);
            }
            return _buffer[at];
        }
    }

    /// <summary>The tokens from <paramref name="start"/> up to, not including, <paramref name="end"/>; valid until the next <see cref="Release"/>.</summary>
    public ReadOnlySpan<SyntaxToken> Slice(int start, int end)
    {
        Fill(end - 1);
        return _buffer.AsSpan(start - _first, end - start);
    }

    public ImmutableArray<SyntaxToken> this[Range range]
    {
        get
        {
            var (start, end) = (range.Start.Value, range.End.Value);
            return [.. Slice(start, end)];
        }
    }

    /// <summary>Tokens before <paramref name="index"/> are not read again.</summary>
    public void Release(int index)
    {
        var unused = index - _first;
        if (_lexer is null || unused < _buffer.Length / 2)
        {
            return;
        }
        Array.Copy(_buffer, unused, _buffer, 0, _count - unused);
        Array.Clear(_buffer, _count - unused, unused);
        _first = index;
        _count -= unused;
    }

    /// <summary>Gives the buffer back to the thread when the parse is done.</summary>
    public void Return()
    {
        if (_lexer is not null && _buffer.Length <= KeptBufferLength)
        {
            Array.Clear(_buffer, 0, _count);
            scratch = _buffer;
        }
    }

    private void Fill(int index)
    {
        while (_lexer is not null && index >= _first + _count)
        {
            if (_count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            _buffer[_count++] = _lexer.Next();
        }
    }
}
