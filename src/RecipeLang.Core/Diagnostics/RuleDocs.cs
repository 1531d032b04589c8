namespace RecipeLang.Diagnostics;

/// <summary>The documentation page of each code (docs/rules/RLxxxx.md, embedded at build time).</summary>
public static class RuleDocs
{
    public static string? Find(string code)
    {
        var descriptor = Descriptors.Find(code);
        if (descriptor is null)
        {
            return null;
        }
        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream($"RecipeLang.Rules.{descriptor.Code}.md");
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
