using RecipeLang.Core.Tests.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Core.Tests.Docs;

/// <summary>
/// Every code's page (what <c>recipelang explain</c> prints) has a Source line; a process rule (RL3xxx,
/// RL4xxx) cites the literature, apart from the codes listed here, which are printed on every run.
/// </summary>
public class RuleSourcesTests
{
    /// <summary>Process rules without a literature source, and why.</summary>
    private static readonly Dictionary<string, string> WithoutLiterature = new()
    {
        ["RL3012"] = "enforces the site's own gas supply",
    };

    public static IEnumerable<string> Codes() => RuleDocsTests.Codes();

    [TestCaseSource(nameof(Codes))]
    public void EveryPageHasASourceLine(string code)
    {
        var page = RuleDocs.Find(code)!;
        var sources = page.Split('\n').Where(l => l.StartsWith("Source: ", StringComparison.Ordinal)).ToList();

        Assert.That(sources, Has.Count.EqualTo(1), "one 'Source: ' line");
        Assert.That(sources[0]["Source: ".Length..].Trim(), Has.Length.GreaterThan(20));
        Assert.That(page, Does.Not.Contain("textbook").IgnoreCase.And.Not.Contain("process-rules"));
    }

    [TestCaseSource(nameof(Codes))]
    public void EveryProcessRuleCitesTheLiteratureOrIsListed(string code)
    {
        if (code[2] is not ('3' or '4'))
        {
            Assert.Pass("not a process rule");
        }
        var source = Source(code);
        var literature = Citations.Problem(source) is null && !Citations.IsAssumption(source);

        if (WithoutLiterature.TryGetValue(code, out var why))
        {
            TestContext.Out.WriteLine($"{code} has no literature source ({why}): {source}");
            Assert.That(literature, Is.False, $"{code} cites the literature now; remove it from the list");
        }
        else
        {
            Assert.That(literature, Is.True, $"{code}: {source}");
        }
    }

    private static string Source(string code) =>
        RuleDocs.Find(code)!.Split('\n').Single(l => l.StartsWith("Source: ", StringComparison.Ordinal))["Source: ".Length..];
}
