using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Suppressions;

public class SuppressionTests
{
    private const string Recipe = "recipe r for NCM523 {\n  anneal 850C O2 4h\n}\n";

    private static IReadOnlyList<Diagnostic> Analyze(string text, string? config = null)
    {
        var files = new MockFileSystem();
        files.AddFile("/lab/a.recipe", new MockFileData(text));
        if (config is not null)
            files.AddFile("/lab/recipelang.json", new MockFileData(config));
        return new RecipeWorkspace(files).Analyze(new SourceText(text, "/lab/a.recipe")).Diagnostics;
    }

    [Test]
    public void A_used_suppression_with_a_reason_removes_the_finding_and_reports_nothing()
    {
        Assert.That(Analyze("let T_spare = 900C\n" + Recipe).Select(d => d.Code), Does.Contain("RL5001"), "the near miss");
        var diagnostics = Analyze("# recipelang-disable-next-line RL5001: kept for the 900 °C variant\nlet T_spare = 900C\n" + Recipe);
        Assert.That(diagnostics, Is.Empty);
    }

    [Test]
    public void It_applies_to_the_next_line_only()
    {
        var diagnostics = Analyze("# recipelang-disable-next-line RL5001: spare\nlet T_a = 900C\nlet T_b = 950C\n" + Recipe);
        Assert.That(diagnostics.Select(d => (d.Code, d.Start.Line)), Is.EqualTo(new[] { ("RL5001", 2) }));
    }

    [Test]
    public void An_unused_suppression_is_reported_at_its_code_with_a_fix_that_removes_the_line()
    {
        var text = "# recipelang-disable-next-line RL3010: long hold is validated for this furnace\nlet T = 850C\nrecipe r for NCM523 {\n  anneal T O2 4h\n}\n";
        var unused = Analyze(text).Single();
        Assert.That(unused.ToString(), Is.EqualTo("/lab/a.recipe:1:32: warning RL5101: RL3010 is not reported on line 2, so this suppression does nothing; remove it"));
        var fixedText = new SourceText(text).WithChanges(unused.Fixes.Single().Edits).Text;
        Assert.That(fixedText, Does.StartWith("let T = 850C\n"));
    }

    [Test]
    public void A_suppression_without_a_reason_still_suppresses_and_asks_for_one()
    {
        var diagnostics = Analyze("# recipelang-disable-next-line RL5001\nlet T_spare = 900C\n" + Recipe);
        Assert.That(diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            "/lab/a.recipe:1:1: warning RL5102: Say why RL5001 is accepted here: '# recipelang-disable-next-line RL5001: reason'",
        }));
        Assert.That(Analyze("# recipelang-disable-next-line RL5001:   \nlet T_spare = 900C\n" + Recipe).Single().Code, Is.EqualTo("RL5102"), "a blank reason is no reason");
    }

    [TestCase("# recipelang-disable-next-line RL5091: typo", "'RL5091' is not a diagnostic code")]
    [TestCase("# recipelang-disable-next-line: no codes", "Name the codes to suppress")]
    [TestCase("# recipelang-disable-next-line RL0003: syntax", "RL0003 is a syntax error; it cannot be suppressed")]
    public void Invalid_suppressions_are_errors(string comment, string message)
    {
        var invalid = Analyze(comment + "\nlet T_spare = 900C\n" + Recipe).Where(d => d.Code == "RL5103").ToList();
        Assert.That(invalid, Has.Count.EqualTo(1));
        Assert.That(invalid[0].Message, Does.StartWith(message));
        Assert.That(invalid[0].Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void Several_codes_in_one_comment_each_count()
    {
        var diagnostics = Analyze("# recipelang-disable-next-line RL5001, RL3010: spare value, see notebook 12\nlet T_spare = 900C\n" + Recipe);
        Assert.That(diagnostics.Select(d => (d.Code, d.Message)), Is.EqualTo(new[] { ("RL5101", "RL3010 is not reported on line 2, so this suppression does nothing; remove it") }));
        Assert.That(diagnostics[0].Fixes, Is.Empty, "removing the line would drop the used code too");
    }

    [Test]
    public void A_rule_turned_off_in_the_config_leaves_its_suppression_unused_and_the_suppression_codes_are_configurable()
    {
        var text = "# recipelang-disable-next-line RL5001: spare\nlet T_spare = 900C\n" + Recipe;
        Assert.That(Analyze(text, """{ "rules": { "RL5001": "off" } }""").Single().Code, Is.EqualTo("RL5101"));
        Assert.That(Analyze(text, """{ "rules": { "RL5001": "off", "RL5101": "off" } }"""), Is.Empty);
    }

    [Test]
    public void Other_comments_and_directive_look_alikes_are_ignored()
    {
        var diagnostics = Analyze("# recipelang-disable-next-lines RL5001: not the directive\n# see recipelang-disable-next-line docs\nlet T_spare = 900C\n" + Recipe);
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "RL5001" }));
    }
}
