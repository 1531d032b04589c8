using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

/// <summary>Sequence rules over the whole recipe's process state, not neighbouring pairs.</summary>
public class ProcessWalkTests
{
    private static List<string> Codes(string material, string steps, string defects = "")
    {
        var text = $"recipe r for {material} {{\n{defects}\n{steps}\n}}\n";
        return new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/w.recipe")).Diagnostics.Select(d => d.Code).ToList();
    }

    [Test]
    public void GrindBetweenAWetStepAndTheFurnaceDriesNothing()
    {
        Assert.That(Codes("NCM523", "hydrothermal 4M LiOH 180C 3h\nthen grind 30min\nthen anneal 850C O2 4h"), Does.Contain("RL4003"));
        Assert.That(Codes("NCM523", "hydrothermal 4M LiOH 180C 3h\nthen dry 80C 12h\nthen grind 30min\nthen anneal 850C O2 4h"), Does.Not.Contain("RL4003"));
    }

    [Test]
    public void AnElectrolyteLeavesTheMaterialWet() =>
        Assert.That(Codes("LCO", "electrochemical Li2SO4 1M 10mA/g cutoff -0.8V\nthen anneal 850C air 4h"), Does.Contain("RL4003"));

    [Test]
    public void ABinderBurnOffIsNotTheAnnealANiRichWashNeeds()
    {
        Assert.That(Codes("NCM811", "wash water x3\nthen dry 80C 12h vacuum\nthen pyrolyze 300C air 1h"), Does.Contain("RL4004"));
        Assert.That(Codes("NCM811", "wash water x3\nthen dry 80C 12h vacuum\nthen anneal 760C O2 4h"), Does.Not.Contain("RL4004"));
    }

    [TestCase("etch citric_acid 0.1M 30min")]
    [TestCase("hydrothermal 4M LiOH 180C 3h")]
    public void AqueousStepsOfANiRichMaterialNeedALaterAnneal(string step) =>
        Assert.That(Codes("NCM811", $"{step}\nthen dry 80C 12h vacuum"), Does.Contain("RL4004"));

    [TestCase("wash ethanol x2")]
    [TestCase("hydrothermal 4M LiOH 180C 3h solvent ethylene_glycol")]
    public void NonAqueousStepsAreNotWaterExposure(string step) =>
        Assert.That(Codes("NCM811", $"{step}\nthen dry 80C 12h vacuum"), Does.Not.Contain("RL4004"));

    [Test]
    public void ARelithiationWithoutLithiumDoesNotEndTheSearchWhenLithiumComesLater()
    {
        var codes = Codes("NCM111", "hydrothermal 4M KOH 220C 4h\nthen wash water x3\nthen dry 80C 12h\nthen anneal 900C air 4h\nthen mix Li2CO3 excess 5%\nthen anneal 900C air 4h", "defects lithium_loss");

        Assert.That(codes.Count(c => c == "RL4001"), Is.EqualTo(1), "the first anneal heats before any lithium");
    }

    [Test]
    public void TheResidualLithiumRouteIsAWarningNotAnError()
    {
        var codes = Codes("NCM111", "hydrothermal 4M KOH 220C 4h\nthen wash water x3\nthen dry 80C 12h\nthen anneal 900C air 4h", "defects lithium_loss");

        Assert.That((codes.Contains("RL4001"), codes.Contains("RL4006")), Is.EqualTo((false, true)));
    }

    [Test]
    public void ACoatingBeforeALaterAnnealIsReportedOnce()
    {
        var codes = Codes("NCM523", "coat Al2O3 1wt%\nthen anneal 850C O2 4h\nthen anneal 850C O2 4h");

        Assert.That(codes.Count(c => c == "RL4010"), Is.EqualTo(1));
    }
}
