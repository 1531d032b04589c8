using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

/// <summary>The spellings the docs promise are accepted, and converted where the unit differs.</summary>
public class SpellingTests
{
    private static DocumentAnalysis Analyze(string text) => new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/s.recipe"));

    [TestCase("850C")]
    [TestCase("850°C")]
    [TestCase("850 °C")]
    [TestCase("850℃")]
    [TestCase("850degC")]
    [TestCase("1123.15K")]
    public void TemperatureSpellings(string temperature)
    {
        var analysis = Analyze($"recipe r for NCM523 {{\n  anneal {temperature} O2 4h\n}}\n");

        Assert.That(analysis.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        Assert.That(analysis.Recipes.Single().Steps.Single().TemperatureC, Is.EqualTo(850).Within(1e-9));
    }

    [TestCase("oxygen", "O2")]
    [TestCase("Oxygen", "O2")]
    [TestCase("nitrogen", "N2")]
    [TestCase("argon", "Ar")]
    public void AtmosphereAliasesAreAccepted(string written, string atmosphere)
    {
        var analysis = Analyze($"recipe r {{\n  anneal 850C {written} 4h\n}}\n");

        Assert.That(analysis.Recipes.Single().Steps.Single().Atmosphere?.Name, Is.EqualTo(atmosphere));
    }

    [Test]
    public void AnUnknownAtmosphereNamesTheAcceptedSpellings()
    {
        var error = Analyze("recipe r for NCM523 {\n  anneal 850C\n}\n").Diagnostics.Single(d => d.Code == "RL2002");

        Assert.That(error.Message, Does.Contain("O2 (oxygen)"));
    }

    [Test]
    public void AMissingArgumentWithoutAValueToShowIsExplainedByItsDoc()
    {
        var error = Analyze("recipe r for NCM523 {\n  molten_salt 400C 4h\n}\n").Diagnostics.Single(d => d.Code == "RL2002");

        Assert.That(error.Message, Is.EqualTo("'molten_salt' needs a salt mixture such as LiOH-LiNO3 ('salts'): the salt mixture, components joined by '-': LiOH-LiNO3"));
    }

    [Test]
    public void DopantInWeightPercentIsConvertedToMolPercentPerMetal()
    {
        // 0.5 wt% Al in NCM523 (M = 96.5 g/mol, one metal per formula unit): 0.005 / 26.98 × 96.5 = 1.79 mol%.
        var step = Analyze("recipe r for NCM523 {\n  dope Al 0.5wt%\n  then anneal 850C O2 4h\n}\n").Recipes.Single().Steps[0];
        var amount = step.Value<DopantsValue>("dopants")!.Dopants.Single().Amount!.Quantity;

        Assert.That(amount.TryConvertTo("mol%", out var percent), Is.True);
        Assert.That(percent.Value, Is.EqualTo(1.79).Within(0.01));
    }

    [Test]
    public void DopantInWeightPercentAboveItsRangeIsReported() =>
        Assert.That(Analyze("recipe r for NCM523 {\n  dope Al 2wt%\n  then anneal 850C O2 4h\n}\n").Diagnostics.Select(d => d.Code), Does.Contain("RL3009"));

    [Test]
    public void DopantInWeightPercentWithoutAMaterialCannotBeConverted() =>
        Assert.That(Analyze("recipe r {\n  dope Al 0.5wt%\n  then anneal 850C O2 4h\n}\n").Diagnostics.Single(d => d.Code == "RL2001").Message, Does.Contain("mol% or at%"));
}
