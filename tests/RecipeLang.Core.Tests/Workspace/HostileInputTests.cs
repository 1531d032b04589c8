using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Formatting;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Workspace;

/// <summary>Input that crashed or garbled the analysis before (the editor hands the server any text).</summary>
public class HostileInputTests
{
    private static DocumentAnalysis Analyze(string text) =>
        new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/lab/main.recipe"));

    [Test]
    public void An_import_path_with_a_NUL_is_RL1006_at_the_import_with_the_NUL_spelled_out()
    {
        var analysis = Analyze("import \"a\0b\"\nrecipe r for NCM523 { anneal 850C O2 4h }\n");

        var diagnostic = analysis.Diagnostics.Single(d => d.Code == "RL1006");
        Assert.That(diagnostic.Message, Does.StartWith(@"Cannot find 'a\u0000b' (looked for no file: the path holds a control character)"));
        Assert.That((diagnostic.Start.Line, diagnostic.Start.Character), Is.EqualTo((0, 7)));
    }

    [Test]
    public void Messages_spell_control_characters_and_cut_long_text_to_its_ends()
    {
        var escape = Analyze("anneal\u001b[31m 850C O2\n").Diagnostics.First(d => d.Code == "RL0001");
        var huge = Analyze("anneal " + new string('9', 100_000) + "C O2\n").Diagnostics.Single(d => d.Code == "RL2005");

        Assert.That(escape.Message, Does.Contain(@"'\u001b'").And.Not.Contain("\u001b"));
        Assert.That(huge.Message.Length, Is.LessThan(300));
        Assert.That(huge.Message, Does.Contain("…9999999999999999999C (100,001 characters)"));
    }

    [TestCase("; anneal 850C O2 4h\n", "anneal 850C O2 4h\n")]
    [TestCase("# a\n; # b\nanneal 850C O2 4h\n", "# a\n# b\nanneal 850C O2 4h\n")]
    public void An_empty_statement_formats_to_its_comments(string text, string expected)
    {
        var tree = Parser.Parse(text);

        Assert.That(tree.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error), Is.Empty);
        Assert.That(Formatter.Format(tree), Is.EqualTo(expected));
    }

    [Test]
    public void Degrees_Celsius_are_not_rewritten_to_C_which_can_mean_a_C_rate()
    {
        Assert.That(Formatter.Format(Parser.Parse("recipe r for LCO {\n  electrochemical .5°C O2\n}\n")), Does.Contain(".5°C"));
        Assert.That(Formatter.Format(Parser.Parse("dry 80C 12hr\n")), Is.EqualTo("dry 80C 12h\n"));
    }
}
