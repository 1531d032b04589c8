using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RecipeLang.Configuration;

/// <summary>
/// Says what is wrong when a document does not fit the config's records, from structure only: the
/// exception's <see cref="JsonException.Path"/> is walked through the source-generated type metadata and
/// compared with what the document holds there (the exception's message text is never read: it is English
/// prose that changes between runtime versions and names .NET types the file's author never sees).
/// </summary>
internal static class JsonShapeError
{
    /// <summary>The message and the byte offset it is about (null: use the exception's position).</summary>
    public static (string Message, long? Offset) Explain(JsonException exception, JsonTypeInfo root, JsonLocations locations)
    {
        var options = root.Options;
        var type = root;
        var path = "$";
        foreach (var segment in Segments(exception.Path ?? "$"))
        {
            switch (type.Kind)
            {
                case JsonTypeInfoKind.Object when segment.Name is { } name:
                    var property = type.Properties.FirstOrDefault(p => p.Name == name);
                    path = JsonLocations.Property(path, name);
                    if (property is null)
                        return ($"Unknown property '{name}'; expected {Names.Join(type.Properties.Select(p => p.Name).Where(n => n != "$schema"))}.", locations.KeyAt(path));
                    type = options.GetTypeInfo(property.PropertyType);
                    break;
                case JsonTypeInfoKind.Enumerable when segment.Index is { } index:
                    path = JsonLocations.Element(path, index);
                    type = options.GetTypeInfo(type.ElementType!);
                    break;
                case JsonTypeInfoKind.Dictionary when segment.Name is { } key:
                    path = JsonLocations.Property(path, key);
                    type = options.GetTypeInfo(type.ElementType!);
                    break;
                default:
                    return ("This value does not fit the config's shape; see schemas/recipelang.schema.json.", null);
            }
        }

        var what = path == "$" ? "The config" : $"'{LastName(path)}'";
        if (type.Kind == JsonTypeInfoKind.Object && locations.MembersOf(path) is { } present && locations.IsObject(path))
        {
            var missing = type.Properties.Where(p => IsRequired(p) && !present.Contains(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
                return ($"Missing required {(missing.Count == 1 ? "property" : "properties")}: {string.Join(", ", missing)}.", locations.ValueAt(path));
        }
        return ($"{what} must be {Describe(type)}.", locations.ValueAt(path));
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false };

    private static string Describe(JsonTypeInfo type)
    {
        var clr = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        if (clr.IsEnum)
            return $"one of {Names.Join(Enum.GetNames(clr).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}";
        if (clr == typeof(string))
            return "a string";
        if (clr == typeof(bool))
            return "true or false";
        if (clr.IsPrimitive || clr == typeof(decimal))
            return "a number";
        return type.Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array [ ... ]",
            JsonTypeInfoKind.Dictionary => "an object { \"name\": value, ... }",
            _ => $"an object with {Names.Join(type.Properties.Select(p => p.Name).Where(n => n != "$schema"))}",
        };
    }

    private static string LastName(string path)
    {
        var segments = Segments(path).ToList();
        return segments.Count == 0 ? "$" : segments[^1].Name ?? $"[{segments[^1].Index}]";
    }

    private readonly record struct Segment(string? Name, int? Index);

    /// <summary>Splits a System.Text.Json path: <c>$.a.b[0]['odd name']</c>.</summary>
    private static IEnumerable<Segment> Segments(string path)
    {
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                yield return new Segment(path[(i + 1)..end], null);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = i + 2;
                while (end < path.Length && !(path[end] == '\'' && path[end - 1] != '\\'))
                    end++;
                yield return new Segment(path[(i + 2)..end].Replace("\\'", "'"), null);
                i = Math.Min(path.Length, end + 2);
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0) end = path.Length;
                yield return int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index) ? new Segment(null, index) : new Segment(path[(i + 1)..end], null);
                i = end + 1;
            }
            else
            {
                yield break;
            }
        }
    }
}
