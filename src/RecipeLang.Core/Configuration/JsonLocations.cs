using System.Text.Json;

namespace RecipeLang.Configuration;

/// <summary>
/// Where each property name and value of a JSON document starts (UTF-8 byte offsets, from
/// <see cref="Utf8JsonReader.TokenStartIndex"/>), by JSON path (<c>$.materials[0].name</c>). Reading the
/// document once this way is also the syntax check: a malformed document throws <see cref="JsonException"/>
/// with the reader's line and byte position.
/// </summary>
internal sealed class JsonLocations
{
    private readonly Dictionary<string, long> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> members = new(StringComparer.Ordinal);

    private JsonLocations()
    {
    }

    /// <summary>
    /// Reads the whole document. False with <paramref name="error"/> on malformed JSON; true with null
    /// <paramref name="locations"/> when the document holds no value at all (empty, or only comments).
    /// </summary>
    public static bool TryRead(byte[] utf8, JsonReaderOptions options, out JsonLocations? locations, out JsonSyntaxError? error)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var (started, afterValue) = (false, false);
        locations = null;
        error = null;
        try
        {
            if (!reader.Read())
                return true;
            started = true;
            locations = new JsonLocations();
            locations.ReadValue(ref reader, "$");
            afterValue = true;
            reader.Read(); // throws on anything after the value
            return true;
        }
        catch (JsonException e)
        {
            locations = null;
            error = new JsonSyntaxError(e.LineNumber ?? 0, e.BytePositionInLine ?? 0, afterValue);
            // Only whitespace and comments: the reader fails at the very end, before any token.
            var lastLine = utf8.Count(b => b == (byte)'\n');
            var endOfText = (lastLine, utf8.Length - 1 - Array.LastIndexOf(utf8, (byte)'\n'));
            if (!started && (error.Line, error.BytePositionInLine) == endOfText)
                error = null;
            return error is null;
        }
    }

    /// <summary>Offset of the value at <paramref name="path"/>, or null when the document has none there.</summary>
    public long? ValueAt(string path) => values.TryGetValue(path, out var offset) ? offset : null;

    /// <summary>Offset of the property name whose value is at <paramref name="path"/> (else of the value).</summary>
    public long? KeyAt(string path) => keys.TryGetValue(path, out var offset) ? offset : ValueAt(path);

    public bool IsObject(string path) => members.ContainsKey(path);

    /// <summary>The property names of the object at <paramref name="path"/>, as written.</summary>
    public IReadOnlyList<string> MembersOf(string path) => members.TryGetValue(path, out var names) ? names : [];

    // The same spelling System.Text.Json uses in JsonException.Path: brackets only around names it cannot write after a dot.
    public static string Property(string parent, string name) =>
        name.IndexOfAny(SpecialCharacters) < 0 ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'")}']";

    private static readonly char[] SpecialCharacters = ['.', ' ', '\'', '/', '"', '[', ']', '(', ')', '\t', '\n', '\r', '\f', '\b', '\\', '\u0085', '\u2028', '\u2029'];

    public static string Element(string parent, int index) => $"{parent}[{index}]";

    private void ReadValue(ref Utf8JsonReader reader, string path)
    {
        values[path] = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var names = members[path] = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var child = Property(path, name);
                    names.Add(name);
                    keys[child] = reader.TokenStartIndex;
                    reader.Read();
                    ReadValue(ref reader, child);
                }
                break;
            case JsonTokenType.StartArray:
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    ReadValue(ref reader, Element(path, index++));
                break;
        }
    }
}

/// <summary>Where the reader stopped on malformed JSON: 0-based line and byte in that line, as JsonException carries them.</summary>
internal sealed record JsonSyntaxError(long Line, long BytePositionInLine, bool AfterValue);
