namespace RecipeLang.Text;

/// <summary>
/// The text of one recipe file with its line map; positions are computed, never stored in tokens. A text read from
/// a file is one string. An edited large text is a list of chunks (strings of a few thousand characters) that
/// versions share, so an edit in an editor copies one chunk, not the document: a 5 MB document would otherwise make
/// a 10 MB string per keystroke, on the large-object heap, which only a full collection frees. Readers on the
/// edit path (the lexer, the incremental parser) read chunks; <see cref="Text"/> joins them once, on first use.
/// </summary>
public sealed class SourceText
{
    /// <summary>Characters per chunk: well under the large-object heap's 85,000 bytes.</summary>
    internal const int DefaultChunkSize = 4096;

    private readonly int[] _lineStarts;
    private readonly string[] _chunks;

    /// <summary>The offset of each chunk's first character.</summary>
    private readonly int[] _chunkStarts;

    private readonly int _chunkSize;
    private string? _text;

    public SourceText(string text, string path = "")
        : this([text], [0], text.Length, DefaultChunkSize, path, ComputeLineStarts(text))
    {
        _text = text;
    }

    private SourceText(string[] chunks, int[] chunkStarts, int length, int chunkSize, string path, int[] lineStarts)
    {
        _chunks = chunks;
        _chunkStarts = chunkStarts;
        Length = length;
        _chunkSize = chunkSize;
        Path = path;
        _lineStarts = lineStarts;
    }

    /// <summary>A text an editor will change: a large one is cut into chunks now rather than at the first keystroke.</summary>
    public static SourceText ForEditing(string text, string path = "") =>
        text.Length > DefaultChunkSize ? Chunked(text, DefaultChunkSize, path) : new SourceText(text, path);

    /// <summary>A text already cut into chunks of the given size (tests use tiny ones to cross chunk edges often).</summary>
    internal static SourceText Chunked(string text, int chunkSize, string path = "")
    {
        var (chunks, starts) = Cut(text, 0, chunkSize);
        return new SourceText(chunks.ToArray(), starts.ToArray(), text.Length, chunkSize, path, ComputeLineStarts(text));
    }

    /// <summary>The whole text as one string. For an edited large text this joins its chunks (once per version): the edit path does not use it.</summary>
    public string Text => _text ??= _chunks.Length == 1 ? _chunks[0] : string.Concat(_chunks);

    /// <summary>The file path as the user gave it (or a URI for editor buffers); used in messages only.</summary>
    public string Path { get; }

    public int Length { get; }

    public int LineCount => _lineStarts.Length;

    public string this[TextSpan span] => Substring(span.Start, span.Length);

    public char this[int offset]
    {
        get
        {
            var (chunk, start) = ChunkAt(offset);
            return chunk[offset - start];
        }
    }

    public string Substring(int start, int length)
    {
        if (length == 0)
        {
            return "";
        }
        var (chunk, chunkStart) = ChunkAt(start);
        if (start - chunkStart + length <= chunk.Length)
        {
            return chunk.Substring(start - chunkStart, length);
        }
        return string.Create(length, (this, start), static (destination, state) => state.Item1.CopyTo(state.Item2, destination));
    }

    /// <summary>Copies the characters from <paramref name="start"/> into <paramref name="destination"/>, filling it.</summary>
    public void CopyTo(int start, Span<char> destination)
    {
        var index = ChunkIndex(start);
        var offset = start - _chunkStarts[index];
        while (!destination.IsEmpty)
        {
            var piece = _chunks[index].AsSpan(offset, Math.Min(destination.Length, _chunks[index].Length - offset));
            piece.CopyTo(destination);
            destination = destination[piece.Length..];
            index++;
            offset = 0;
        }
    }

    /// <summary>The chunk that holds the character at <paramref name="offset"/> (the last chunk for the end of the text), with its start.</summary>
    internal (string Chunk, int Start) ChunkAt(int offset)
    {
        var index = ChunkIndex(offset);
        return (_chunks[index], _chunkStarts[index]);
    }

    private int ChunkIndex(int offset)
    {
        if (_chunks.Length == 1)
        {
            return 0;
        }
        var index = Array.BinarySearch(_chunkStarts, offset);
        return index >= 0 ? Math.Min(index, _chunks.Length - 1) : ~index - 1;
    }

    public bool Contains(string value)
    {
        if (_chunks.Length == 1)
        {
            return _chunks[0].Contains(value, StringComparison.Ordinal);
        }
        // Each chunk, then each seam with the characters either side of it that a match across it would use.
        for (var i = 0; i < _chunks.Length; i++)
        {
            if (_chunks[i].Contains(value, StringComparison.Ordinal))
            {
                return true;
            }
            if (i > 0 && value.Length > 1)
            {
                var from = Math.Max(0, _chunkStarts[i] - value.Length + 1);
                var to = Math.Min(Length, _chunkStarts[i] + value.Length - 1);
                if (Substring(from, to - from).Contains(value, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>How many characters this text and <paramref name="other"/> have in common at their start. Chunks two versions share are skipped unread.</summary>
    public int CommonPrefixLength(SourceText other)
    {
        var max = Math.Min(Length, other.Length);
        var position = 0;
        while (position < max)
        {
            var (a, aStart) = ChunkAt(position);
            var (b, bStart) = other.ChunkAt(position);
            var length = Math.Min(max - position, Math.Min(a.Length - (position - aStart), b.Length - (position - bStart)));
            if (ReferenceEquals(a, b) && aStart == bStart)
            {
                position += length;
                continue;
            }
            var same = a.AsSpan(position - aStart, length).CommonPrefixLength(b.AsSpan(position - bStart, length));
            position += same;
            if (same < length)
            {
                break;
            }
        }
        return position;
    }

    /// <summary>How many characters the two texts have in common at their end, not reaching into the first <paramref name="skip"/> characters of either.</summary>
    public int CommonSuffixLength(SourceText other, int skip = 0)
    {
        var max = Math.Min(Length, other.Length) - skip;
        var length = 0;
        while (length < max)
        {
            // The last character not yet compared, in each text.
            var aEnd = Length - length;
            var bEnd = other.Length - length;
            var (a, aStart) = ChunkAt(aEnd - 1);
            var (b, bStart) = other.ChunkAt(bEnd - 1);
            var count = Math.Min(max - length, Math.Min(aEnd - aStart, bEnd - bStart));
            if (ReferenceEquals(a, b) && aEnd - aStart == bEnd - bStart)
            {
                length += count;
                continue;
            }
            var same = CommonSuffixLength(a.AsSpan(aEnd - aStart - count, count), b.AsSpan(bEnd - bStart - count, count));
            length += same;
            if (same < count)
            {
                break;
            }
        }
        return length;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var length = 0;
        // Backwards in blocks (each compared vectorised), then character by character inside the block that differs.
        const int block = 256;
        while (length + block <= a.Length && a.Slice(a.Length - length - block, block).SequenceEqual(b.Slice(b.Length - length - block, block)))
        {
            length += block;
        }
        while (length < a.Length && a[a.Length - length - 1] == b[b.Length - length - 1])
        {
            length++;
        }
        return length;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>Offset of a position; out-of-range lines and columns are clamped (editors send them).</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0)
        {
            return 0;
        }
        if (position.Line >= _lineStarts.Length)
        {
            return Length;
        }
        var start = _lineStarts[position.Line];
        var end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : Length;
        return Math.Clamp(start + Math.Max(position.Character, 0), start, end);
    }

    public TextSpan GetLineSpan(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Length;
        while (end > start && (this[end - 1] == '\n' || this[end - 1] == '\r'))
        {
            end--;
        }
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// The text after the changes, applied in order (each in the coordinates of the text before it, as LSP sends
    /// them). Only the chunks an edit touches are made again; the line map is updated, not recomputed: lines before
    /// the change are kept, the changed region is scanned, and lines after it are shifted.
    /// </summary>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var result = this;
        foreach (var change in changes)
        {
            result = result.WithChange(change);
        }
        return result;
    }

    private SourceText WithChange(TextChange change)
    {
        var start = Math.Clamp(change.Span.Start, 0, Length);
        var end = Math.Clamp(change.Span.End, start, Length);
        var edited = WithChunksChanged(start, end, change.NewText);
        var newEnd = start + change.NewText.Length;
        // From the line before the one the change starts on: a '\r' there may now meet a '\n' the change begins with.
        var firstLine = Math.Max(0, GetPosition(start).Line - 1);
        var middle = new List<int>();
        edited.AddLineStarts(_lineStarts[firstLine], newEnd + 1, middle);
        // Lines that started after the change start at the same characters, shifted.
        var delta = newEnd - end;
        var last = middle.Count > 0 ? middle[^1] : _lineStarts[firstLine];
        var after = Array.BinarySearch(_lineStarts, end + 1);
        after = after < 0 ? ~after : after;
        while (after < _lineStarts.Length && _lineStarts[after] + delta <= last)
        {
            after++;
        }
        // One array of the exact size: a large document's line map is on the large-object heap, once per edit.
        var starts = new int[firstLine + 1 + middle.Count + _lineStarts.Length - after];
        Array.Copy(_lineStarts, starts, firstLine + 1);
        middle.CopyTo(starts, firstLine + 1);
        var shifted = starts.AsSpan(firstLine + 1 + middle.Count);
        var old = _lineStarts.AsSpan(after);
        for (var i = 0; i < old.Length; i++)
        {
            shifted[i] = old[i] + delta;
        }
        return new SourceText(edited._chunks, edited._chunkStarts, edited.Length, _chunkSize, Path, starts);
    }

    /// <summary>The chunks after replacing [start, end), with an empty line map (the caller makes it). A small text stays one string.</summary>
    private SourceText WithChunksChanged(int start, int end, string newText)
    {
        var length = Length - (end - start) + newText.Length;
        if (_chunks.Length == 1 && length <= _chunkSize)
        {
            var text = string.Concat(_chunks[0].AsSpan(0, start), newText, _chunks[0].AsSpan(end));
            return new SourceText([text], [0], length, _chunkSize, Path, []);
        }
        // A text read whole is cut into chunks at its first edit; after that an edit remakes only the chunks it touches.
        var (chunks, chunkStarts) = _chunks.Length == 1 ? Cut(_chunks[0], 0, _chunkSize) : (new List<string>(_chunks), new List<int>(_chunkStarts));
        var first = Index(chunkStarts, chunks, start);
        var last = Index(chunkStarts, chunks, end);
        var piece = string.Concat(chunks[first].AsSpan(0, start - chunkStarts[first]), newText, chunks[last].AsSpan(end - chunkStarts[last]));
        // A small piece joins the next chunk, so that deletions do not leave the text in slivers.
        if (piece.Length < _chunkSize / 2 && last + 1 < chunks.Count)
        {
            last++;
            piece += chunks[last];
        }
        var (pieces, pieceStarts) = Cut(piece, chunkStarts[first], _chunkSize);
        var delta = newText.Length - (end - start);
        for (var i = last + 1; i < chunkStarts.Count; i++)
        {
            chunkStarts[i] += delta;
        }
        chunks.RemoveRange(first, last - first + 1);
        chunkStarts.RemoveRange(first, last - first + 1);
        // An empty piece is dropped unless it is all there is: an empty chunk would share its start with the next one.
        if (piece.Length > 0 || chunks.Count == 0)
        {
            chunks.InsertRange(first, pieces);
            chunkStarts.InsertRange(first, pieceStarts);
        }
        return new SourceText(chunks.ToArray(), chunkStarts.ToArray(), length, _chunkSize, Path, []);
    }

    private static int Index(List<int> starts, List<string> chunks, int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? Math.Min(index, chunks.Count - 1) : ~index - 1;
    }

    /// <summary>Text cut into chunks of at most <paramref name="size"/> characters (one empty chunk for empty text), the first starting at <paramref name="offset"/>.</summary>
    private static (List<string> Chunks, List<int> Starts) Cut(string text, int offset, int size)
    {
        var chunks = new List<string>(text.Length / size + 1);
        var starts = new List<int>(text.Length / size + 1);
        if (text.Length <= size)
        {
            chunks.Add(text);
            starts.Add(offset);
            return (chunks, starts);
        }
        for (var i = 0; i < text.Length; i += size)
        {
            chunks.Add(text.Substring(i, Math.Min(size, text.Length - i)));
            starts.Add(offset + i);
        }
        return (chunks, starts);
    }

    private static int[] ComputeLineStarts(string text)
    {
        if (text.Contains('\r'))
        {
            var starts = new List<int> { 0 };
            new SourceText([text], [0], text.Length, DefaultChunkSize, "", []).AddLineStarts(0, text.Length, starts);
            return starts.ToArray();
        }
        // Only '\n' breaks (the common case): counted first, so the array is allocated once at its size.
        var lineStarts = new int[text.AsSpan().Count('\n') + 1];
        var line = 1;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            lineStarts[line++] = i + 1;
        }
        return lineStarts;
    }

    /// <summary>Adds the start of every line that begins after a line break at an offset in [from, to); CRLF is one break.</summary>
    private void AddLineStarts(int from, int to, List<int> starts)
    {
        to = Math.Min(to, Length);
        var i = from;
        while (i < to)
        {
            var (chunk, chunkStart) = ChunkAt(i);
            var chunkEnd = Math.Min(to, chunkStart + chunk.Length);
            for (; i < chunkEnd; i++)
            {
                var c = chunk[i - chunkStart];
                if (c == '\r')
                {
                    if (i + 1 < Length && this[i + 1] == '\n')
                    {
                        i++;
                        if (i >= chunkEnd)
                        {
                            // The '\n' was the first character of the next chunk: the loop above moves on from after it.
                            starts.Add(i + 1);
                            i++;
                            break;
                        }
                    }
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }
        }
    }
}

/// <summary>Replace a span with new text; the unit of edits for fixes, formatting and incremental sync.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
