using System.IO.Abstractions.TestingHelpers;
using System.Text.RegularExpressions;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Docs;

/// <summary>Every code has a page, and each page's two examples do what the page says (so the docs cannot rot).</summary>
public partial class RuleDocsTests
{
    public static IEnumerable<string> Codes() => Descriptors.All.Select(d => d.Code);

    [TestCaseSource(nameof(Codes))]
    public void EveryCodeHasItsPage(string code)
    {
        var page = RuleDocs.Find(code);

        Assert.That(page, Does.StartWith($"# {code}: {Descriptors.Find(code)!.Title}"));
        Assert.That(page, Does.Contain("## Why").And.Contain("## How to fix").And.Contain("## Triggers").And.Contain("## Does not trigger"));
    }

    [TestCaseSource(nameof(Codes))]
    public void TheTriggeringExampleTriggersAndTheNearMissDoesNot(string code)
    {
        var page = RuleDocs.Find(code)!;
        var blocks = RecipeBlock().Matches(page).Select(m => m.Groups[1].Value).ToList();
        var site = JsonBlock().Match(page) is { Success: true } json ? json.Groups[1].Value : null;

        Assert.That(blocks, Has.Count.EqualTo(2), "a Triggers block and a Does-not-trigger block");
        Assert.That(ProducedCodes(blocks[0], site), Does.Contain(code), "the Triggers example");
        Assert.That(ProducedCodes(blocks[1], site), Does.Not.Contain(code), "the Does-not-trigger example");
    }

    [Test]
    public void NoPageForARetiredCode()
    {
        var pages = typeof(RuleDocs).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("RecipeLang.Rules.", StringComparison.Ordinal));

        Assert.That(pages.Select(p => p["RecipeLang.Rules.".Length..^".md".Length]), Is.EquivalentTo(Codes()));
    }

    private static IEnumerable<string> ProducedCodes(string recipe, string? siteConfig)
    {
        var files = new MockFileSystem();
        files.AddFile("/r/test.recipe", new MockFileData(recipe));
        if (siteConfig is not null)
        {
            files.AddFile("/r/recipelang.json", new MockFileData(siteConfig));
        }
        return new RecipeWorkspace(files).Analyze(new SourceText(recipe, "/r/test.recipe")).Diagnostics.Select(d => d.Code);
    }

    [GeneratedRegex("```recipe\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex RecipeBlock();

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
