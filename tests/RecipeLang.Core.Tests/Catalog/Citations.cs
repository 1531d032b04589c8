using System.Text.RegularExpressions;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>
/// What a source string may say (the convention is in src/RecipeLang.Core/Catalog/README.md): a literature
/// citation or <c>assumption: …</c> for a value the compiler assumes; a gap marked <c>unsourced: why</c> is refused.
/// </summary>
public static partial class Citations
{
    public const string AssumptionPrefix = "assumption:";

    public const string UnsourcedPrefix = "unsourced:";

    public static bool IsAssumption(string source) => source.StartsWith(AssumptionPrefix, StringComparison.Ordinal);

    /// <summary>Why a source cannot stand, or null when it can (literature or assumption).</summary>
    public static string? Problem(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
            return "empty source";
        if (source.Contains("textbook", StringComparison.OrdinalIgnoreCase))
            return "says 'textbook' instead of naming the handbook or paper";
        if (source.Contains("process-rules", StringComparison.OrdinalIgnoreCase))
            return "cites the project's own notes (process-rules.md)";
        if (LocalPath().IsMatch(Url().Replace(source, "")))
            return "cites a local file";
        if (source.Contains("engineering default", StringComparison.OrdinalIgnoreCase) && !IsAssumption(source))
            return $"an engineering default must start with '{AssumptionPrefix}'";
        if (source.StartsWith(UnsourcedPrefix, StringComparison.Ordinal))
            return "declares a gap: give it a literature source or take the number out of the catalog";
        if (IsAssumption(source))
            return source.Length > AssumptionPrefix.Length + 10 ? null : "says nothing after its marker";
        return Literature().IsMatch(source) ? null : "names no literature (review section or Table 1 row, doi, address, handbook, standard)";
    }

    // The review by section or Table 1 row, a doi, a public address, a paper (et al.), a handbook or standard.
    [GeneratedRegex(@"review (§|Table 1)|doi:10\.|https?://|\bet al\.|Handbook|IAPWS|IUPAC|Merck Index|USP \d")]
    private static partial Regex Literature();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    // A path (/work/…, ./x, C:\…) or a file name with a document or code extension.
    [GeneratedRegex(@"(^|[\s(\[])(\.{0,2}/|~/|[A-Za-z]:\\)\w|\b[\w-]+\.(md|txt|json|cs|csv|pdf|docx?)\b")]
    private static partial Regex LocalPath();
}
