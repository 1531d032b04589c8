using System.Text;

namespace RecipeLang.Configuration;

/// <summary>Turns UTF-8 byte positions (what the JSON reader reports) into 1-based lines and character columns.</summary>
internal sealed class TextPositions(byte[] utf8)
{
    public (int Line, int Column) AtOffset(long byteOffset)
    {
        var offset = (int)Math.Clamp(byteOffset, 0, utf8.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, Encoding.UTF8.GetCharCount(utf8, lineStart, offset - lineStart) + 1);
    }

    /// <summary>From the 0-based line and byte-in-line that <see cref="System.Text.Json.JsonException"/> carries.</summary>
    public (int Line, int Column) AtLine(long zeroBasedLine, long bytePositionInLine) => AtOffset(OffsetOf(zeroBasedLine, bytePositionInLine));

    /// <summary>The byte offset of a 0-based line and byte-in-line.</summary>
    public int OffsetOf(long zeroBasedLine, long bytePositionInLine)
    {
        var lineStart = 0;
        for (var line = 0; line < zeroBasedLine && lineStart < utf8.Length; lineStart++)
        {
            if (utf8[lineStart] == (byte)'\n')
                line++;
        }
        return lineStart + (int)Math.Clamp(bytePositionInLine, 0, utf8.Length - lineStart);
    }

    /// <summary>The character that starts at a byte offset, or null at the end of the text.</summary>
    public string? CharacterAt(int byteOffset)
    {
        if (byteOffset >= utf8.Length)
            return null;
        var length = 1;
        while (byteOffset + length < utf8.Length && (utf8[byteOffset + length] & 0xC0) == 0x80)
            length++;
        return Encoding.UTF8.GetString(utf8, byteOffset, length);
    }
}
