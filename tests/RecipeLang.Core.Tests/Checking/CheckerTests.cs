using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Diagnostics;
using RecipeLang.Summary;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

public class CheckerTests
{
    private static IReadOnlyList<Diagnostic> Check(string text) =>
        new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/test.recipe")).Diagnostics;

    private static string At(string text, Diagnostic diagnostic) => text.Substring(diagnostic.Span.Start, diagnostic.Span.Length);

    [Test]
    public void LithiumBalanceNeedsTheSpentLiToMetalDeclared()
    {
        // Without li_tm the spent ratio is unknown; it was read as 0 (a quantity struct's default), so any mass warned.
        const string recipe = "recipe r for NCM523 {{\n  defects lithium_loss{0}\n  batch 100 g\n  mix Li2CO3 1 g\n  then anneal 850C O2 4h\n}}\n";

        Assert.That(Check(string.Format(recipe, "")).Any(d => d.Code == "RL3020"), Is.False);
        Assert.That(Check(string.Format(recipe, "(li_tm = 0.9)")).Single(d => d.Code == "RL3020").Message, Does.Contain("from 0.9 to"));
    }

    [Test]
    public void NiRichInAirIsAnErrorOnTheAtmosphere()
    {
        const string text = "recipe r for NCM811 { anneal 760C air 4h }";
        var diagnostic = Check(text).Single(d => d.Code == "RL3002");

        Assert.That((diagnostic.Severity, At(text, diagnostic)), Is.EqualTo((DiagnosticSeverity.Error, "air")));
        Assert.That(diagnostic.Fixes.Single().Edits.Single().NewText, Is.EqualTo("O2"));
        Assert.That(Check("recipe r for NCM811 { anneal 760C O2 4h }").Any(d => d.Code == "RL3002"), Is.False);
    }

    [Test]
    public void ConcentrationWhereATemperatureGoesIsADimensionError()
    {
        const string text = "recipe r for NCM523 { anneal 4M O2 }";
        var diagnostic = Check(text).Single(d => d.Code == "RL2001");

        Assert.That(At(text, diagnostic), Is.EqualTo("4M"));
        Assert.That(diagnostic.Message, Does.Contain("concentration"));
    }

    [Test]
    public void MoltenSaltBelowTheEutecticNamesTheNumberAndItsSource()
    {
        var diagnostic = Check("recipe r for NCM523 { molten_salt LiOH-LiNO3 120C 4h\nwash water }").Single(d => d.Code == "RL3006");

        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.Message, Does.Contain("175.7").And.Contain("Tang"));
        Assert.That(Check("recipe r for NCM523 { molten_salt LiOH-LiNO3 300C 4h\nwash water }").Any(d => d.Code == "RL3006"), Is.False);
    }

    [Test]
    public void SpandexFollowedByAHotAnnealNamesBothSteps()
    {
        var diagnostic = Check("recipe r for NCM811 { coat spandex 2wt%\nanneal 800C O2 4h }").Single(d => d.Code == "RL4002");

        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(diagnostic.Message, Does.Contain("step 1 (coat").And.Contain("step 2 (anneal"));
        Assert.That(diagnostic.Related.Single().Start.Line, Is.EqualTo(0));
    }

    [Test]
    public void UnrepairedCationMixingNamesAnneal()
    {
        var diagnostic = Check("recipe r for NCM523 { defects cation_mixing\nwash water }").Single(d => d.Code == "RL4005");

        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(diagnostic.Message, Does.Contain("'anneal'"));
        Assert.That(Check("recipe r for NCM523 { defects cation_mixing\nhydrothermal 4M LiOH 180C 3h\nwash water\ndry 80C 12h\nanneal 850C O2 4h }").Any(d => d.Code == "RL4005"), Is.False);
    }

    [TestCase("recipe r for NCM523 { defects cation_mixing\nanneall 850C O2 4h }", "RL1001")]
    [TestCase("recipe base for NCM523 { anneal 850C O2 4h }\nrecipe r for NCM523 { defects cation_mixing\nuse bas }", "RL1005")]
    public void AStepThatCouldNotBeBoundSilencesDefectCoverage(string text, string error)
    {
        var codes = Check(text).Select(d => d.Code).ToList();

        Assert.That(codes, Does.Contain(error));
        Assert.That(codes, Does.Not.Contain("RL4005"), "the repair may be the step that did not bind");
    }

    [Test]
    public void FurnaceBeforeRelithiationIsAnErrorWhenLithiumIsLost()
    {
        const string bad = "recipe r for NCM523 { defects lithium_loss\nanneal 850C O2 4h\nhydrothermal 4M LiOH 180C 3h }";
        Assert.That(Check(bad).Any(d => d.Code == "RL4001" && d.Severity == DiagnosticSeverity.Error));
        Assert.That(Check("recipe r for NCM523 { defects lithium_loss\nhydrothermal 4M LiOH 180C 3h\nwash water\ndry 80C 12h\nanneal 850C O2 4h }").Any(d => d.Code == "RL4001"), Is.False);
    }

    [Test]
    public void AmmoniaSurfaceTreatmentNeedsAFollowUpButPotashRelithiationDoesNot()
    {
        Assert.That(Check("recipe r for NCM523 { hydrothermal 2M NH4OH 160C 6h\nwash water }").Count(d => d.Code == "RL4011"), Is.EqualTo(1));
        Assert.That(Check("recipe r for NCM523 { hydrothermal 2M NH4OH 160C 6h\nwash water\ndry 80C 12h\nanneal 850C O2 4h }").Any(d => d.Code == "RL4011"), Is.False);
        Assert.That(Check("recipe r for NCM111 { hydrothermal 4M KOH 220C 4h\nwash water }").Any(d => d.Code == "RL4011"), Is.False);
    }

    [Test]
    public void UnknownNamesSuggestTheClosestOne()
    {
        var diagnostic = Check("recipe r for NCM523 { aneal 850C O2 }").Single(d => d.Code == "RL1001");

        Assert.That(diagnostic.Message, Does.Contain("did you mean 'anneal'"));
    }

    [Test]
    public void UseExpandsParameterisedRecipes()
    {
        const string text = "recipe relithiate(T: temperature = 180C) { hydrothermal 4M LiOH T 3h }\nrecipe main for NCM811 { use relithiate(T = 260C) }";
        var diagnostic = Check(text).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("260C"));
        Assert.That(diagnostic.Related.Select(r => text.Substring(r.Span.Start, r.Span.Length)), Does.Contain("T"), "points at the step in the used recipe");
    }

    [Test]
    public void SummaryListsDurationPeakAndRepairs()
    {
        var analysis = new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(
            "recipe r for NCM523 { defects lithium_loss, cation_mixing\nhydrothermal 4M LiOH 180C 3h\nwash water\ndry 80C 12h\nanneal 850C O2 4h }", "/r/s.recipe"));
        var summary = RecipeSummary.Create(analysis.Recipes.Single(), analysis.Catalog);

        Assert.That((summary.TotalDuration.TotalHours, summary.PeakTemperatureC), Is.EqualTo((19.0, 850.0)));
        Assert.That(summary.DefectRepairs["lithium_loss"], Is.EqualTo(new[] { 1 }));
        Assert.That(summary.DefectRepairs["cation_mixing"], Is.EqualTo(new[] { 4 }));
        Assert.That(summary.LithiumSources, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void SummaryCountsTheCatalogsDefaultTimeForAStepThatGivesNone()
    {
        var analysis = new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(
            "recipe r for NCM523 { hydrothermal 4M LiOH 180C 3h\nwash water\ndry 80C 12h\nanneal 850C O2 }", "/r/s.recipe"));
        var summary = RecipeSummary.Create(analysis.Recipes.Single(), analysis.Catalog);
        var annealDefault = analysis.Catalog.FindOperation("anneal")!.FindDefault("time")!.ToQuantity()!.Value;

        Assert.That(annealDefault.TryConvertTo("h", out var hours), Is.True);
        Assert.That(summary.DefaultTimeSteps, Does.Contain(4), "the anneal gives no time: the plan holds the catalog's default");
        Assert.That(summary.TotalDuration.TotalHours, Is.GreaterThanOrEqualTo(15 + hours.Value - 1e-9));
    }

    [Test]
    public void SummaryShowsQuantitiesInOneUnitPerDimension()
    {
        var analysis = new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(
            "recipe r for NCM523 {\nhydrothermal 4M LiOH 493.15K 240min\nwash water\ndry 80C 0.5h\nanneal 1123.15K O2 4h ramp 300C/h }", "/r/s.recipe"));
        var steps = RecipeSummary.Create(analysis.Recipes.Single(), analysis.Catalog).Steps;

        Assert.That(steps[0].Arguments, Is.EqualTo("concentration=4M reagents=LiOH temperature=220C time=4h"));
        Assert.That(steps[2].Arguments, Does.Contain("time=30min"));
        Assert.That(steps[3].Arguments, Does.Contain("temperature=850C").And.Contain("ramp=5C/min"));
    }
}
