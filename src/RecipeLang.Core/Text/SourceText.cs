namespace RecipeLang.Text;

/// <summary>The text of one recipe file with its line map; positions are computed, never stored in tokens.</summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string path = "")
    {
        Text = text;
        Path = path;
        _lineStarts = ComputeLineStarts(text);
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

    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var text = Text;
        foreach (var change in changes)
        {
            var start = Math.Clamp(change.Span.Start, 0, text.Length);
            var end = Math.Clamp(change.Span.End, start, text.Length);
            text = string.Concat(text.AsSpan(0, start), change.NewText, text.AsSpan(end));
        }
        return new SourceText(text, Path);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
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
        return starts.ToArray();
    }
}

/// <summary>Replace a span with new text; the unit of edits for fixes, formatting and incremental sync.</summary>
public readonly record struct TextChange(TextSpan Span, string NewText);
