namespace RecipeLang.Configuration;

internal static class Names
{
    /// <summary>"a, b or c", for the choices an error message lists.</summary>
    public static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list.SkipLast(1)) + " or " + list[^1];
    }
}
