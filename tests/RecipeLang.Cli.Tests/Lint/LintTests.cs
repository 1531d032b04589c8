using System.Text.Json;

namespace RecipeLang.Cli.Tests;

public class LintTests : ScratchFolderTest
{
    [SetUp]
    public void WriteLibrary()
    {
        Write("lib/bad.recipe", "recipe r for NCM811 {\n  anneal 760C air 4h\n}\n");
        Write("lib/good.recipe", "recipe g for NCM811 {\n  anneal 760C O2 4h\n}\n");
        Write("lib/drafts/wip.recipe", "anneal 4M O2\n");
    }

    [Test]
    public void SarifHasRulesResultsRegionsAndFixes()
    {
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "sarif");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        using var sarif = JsonDocument.Parse(result.Output);
        Assert.That(sarif.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var atmosphere = results.Single(r => r.GetProperty("ruleId").GetString() == "RL3002");
        var region = atmosphere.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.That((region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32()), Is.EqualTo((2, 15, 18)));
        Assert.That(atmosphere.GetProperty("level").GetString(), Is.EqualTo("error"));
        Assert.That(atmosphere.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0].GetProperty("insertedContent").GetProperty("text").GetString(), Is.EqualTo("O2"));
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.That(rules, Does.Contain("RL3002").And.Contain("RL2001"));
        Assert.That(atmosphere.GetProperty("ruleIndex").GetInt32(), Is.EqualTo(rules.IndexOf("RL3002")));
    }

    [Test]
    public void JsonListsEveryDiagnosticWithPosition()
    {
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var codes = json.RootElement.EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("line").GetInt32())).ToList();
        Assert.That(codes, Does.Contain(("RL3002", 2)).And.Contain(("RL2001", 1)));
    }

    [Test]
    public void ExcludesFromTheSiteConfigSkipFoldersButNotNamedFiles()
    {
        File.WriteAllText(Path.Combine(Folder, "recipelang.json"), """{ "exclude": ["lib/drafts/**"] }""");

        var folder = CliRunner.Run(Folder, "lint", "lib");
        Assert.That(folder.Output, Does.Not.Contain("wip.recipe"));
        Assert.That(folder.Error, Does.Contain("Checked 2 files"));

        var named = CliRunner.Run(Folder, "lint", "lib/drafts/wip.recipe");
        Assert.That(named.Output, Does.Contain("wip.recipe:1:8: error RL2001"));
    }

    [Test]
    public void RuleSeveritiesFromTheSiteConfigApply()
    {
        File.WriteAllText(Path.Combine(Folder, "recipelang.json"), """{ "rules": { "RL3002": "warning" } }""");

        var result = CliRunner.Run(Folder, "lint", "lib/bad.recipe");

        Assert.That(result.Output, Does.Contain("warning RL3002"));
        Assert.That(result.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void BrokenSiteConfigIsAUsageErrorWithPosition()
    {
        File.WriteAllText(Path.Combine(Folder, "recipelang.json"), "{\n  \"rules\": { \"RL3002\": \"loud\" }\n}\n");

        var result = CliRunner.Run(Folder, "lint", "lib");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Match(@"recipelang\.json:2:\d+: error"));
    }

    [Test]
    public void ReportGoesToAFileWhenAsked()
    {
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "sarif", "-o", "out.sarif");

        Assert.That(result.Output, Is.Empty);
        Assert.That(JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "out.sarif"))).RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
    }
}
