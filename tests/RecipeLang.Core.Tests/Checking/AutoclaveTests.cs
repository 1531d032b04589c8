using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

/// <summary>The autoclave follows the solvent actually in it, an explicit pressure and the fill, against the site's rating.</summary>
public class AutoclaveTests
{
    private static List<(string Code, string At)> Check(string step)
    {
        var text = $"recipe r for NCM523 {{\n  {step}\n  then wash water x3\n}}\n";
        return new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/a.recipe")).Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Info)
            .Select(d => (d.Code, text.Substring(d.Span.Start, d.Span.Length))).ToList();
    }

    [TestCase("hydrothermal 4M LiOH 220C 3h solvent ethanol", "RL3003", "220C")]
    [TestCase("hydrothermal 4M LiOH 180C 3h pressure 40bar", "RL3003", "40bar")]
    [TestCase("hydrothermal 4M LiOH 180C 3h fill 90%", "RL3014", "90%")]
    [TestCase("hydrothermal 4M LiOH 180C 3h fill 40%", "RL3010", "40%")]
    [TestCase("hydrothermal 4M LiOH 180C 3h solvent NMP", "RL3016", "NMP")]
    public void Reports(string step, string code, string at) =>
        Assert.That(Check(step), Does.Contain((code, at)));

    [TestCase("hydrothermal 4M LiOH 220C 3h solvent ethylene_glycol")]
    [TestCase("hydrothermal 4M LiOH 180C 3h solvent ethanol")]
    [TestCase("hydrothermal 4M LiOH 180C 3h pressure 20bar fill 70%")]
    public void Passes(string step) =>
        Assert.That(Check(step).Where(d => d.Code is "RL3003" or "RL3014" or "RL3016"), Is.Empty);

    [Test]
    public void RoutineInfoNamesTheSolventPressure()
    {
        var text = "recipe r for NCM523 {\n  hydrothermal 4M LiOH 220C 3h solvent ethylene_glycol\n}\n";
        var info = new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/a.recipe")).Diagnostics.Single(d => d.Code == "RL3004");

        Assert.That(info.Message, Does.Contain("ethylene_glycol vapour ≈ 1.8 bar"));
    }
}
