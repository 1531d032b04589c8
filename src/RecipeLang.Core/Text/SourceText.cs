namespace RecipeLang.Text;

/// <summary>The text of one recipe file with its line map; positions are computed, never stored in tokens.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string path = "")
        : this(text, path, ComputeLineStarts(text))
    {
    }

    private SourceText(string text, string path, int[] lineStarts)
    {
        Text = text;
        Path = path;
        _lineStarts = lineStarts;
    }

    public string Text { get; }

    /// <summary>The file path as the user gave it (or a URI for editor buffers); used in messages only.</summary>
    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
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
            return Text.Length;
        }
        var start = _lineStarts[position.Line];
        var end = position.Line + 1 < _lineStarts.Length ? _lineStarts[position.Line + 1] : Text.Length;
        return Math.Clamp(start + Math.Max(position.Character, 0), start, end);
    }

    public TextSpan GetLineSpan(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// The text after the changes, applied in order (each in the coordinates of the text before it, as LSP sends
    /// them). The line map is updated, not recomputed: lines before the change are kept, the changed region is
    /// scanned, and lines after it are shifted, so an edit costs a copy of the text and of the line map, not a scan.
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
        var start = Math.Clamp(change.Span.Start, 0, Text.Length);
        var end = Math.Clamp(change.Span.End, start, Text.Length);
        var text = string.Concat(Text.AsSpan(0, start), change.NewText, Text.AsSpan(end));
        var newEnd = start + change.NewText.Length;
        // From the line before the one the change starts on: a '\r' there may now meet a '\n' the change begins with.
        var firstLine = Math.Max(0, GetPosition(start).Line - 1);
        var middle = new List<int>();
        AddLineStarts(text, _lineStarts[firstLine], newEnd + 1, middle);
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
        return new SourceText(text, Path, starts);
    }

    private static int[] ComputeLineStarts(string text)
    {
        if (text.Contains('\r'))
        {
            var starts = new List<int> { 0 };
            AddLineStarts(text, 0, text.Length, starts);
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
    private static void AddLineStarts(string text, int from, int to, List<int> starts)
    {
        for (var i = from; i < text.Length && i < to; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
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

/// <summary>Replace a span with new text; the unit of edits for fixes, formatting and incremental sync.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
