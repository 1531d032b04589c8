using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Binding;

public class BinderTests
{
    private static DocumentAnalysis Analyze(string text, MockFileSystem? files = null, string path = "/lab/main.recipe") =>
        new RecipeWorkspace(files ?? new MockFileSystem()).Analyze(new SourceText(text, path));

    private static BoundStep Step(string text) => Analyze("recipe r for NCM523 { " + text + " }").Recipes.Single().Steps.Single();

    private static IEnumerable<string> Codes(DocumentAnalysis analysis) => analysis.Diagnostics.Select(d => d.Code);

    [Test]
    public void PositionalArgumentsBindByDimensionAndKind()
    {
        var step = Step("hydrothermal 220C LiOH 3h 4M");

        Assert.That(step.Quantity("temperature")!.Value.Format(), Is.EqualTo("220C"));
        Assert.That(step.Quantity("concentration")!.Value.Format(), Is.EqualTo("4M"));
        Assert.That(step.Quantity("time")!.Value.Format(), Is.EqualTo("3h"));
        Assert.That(step.Value<ReagentValue>("reagents")!.Reagent!.Name, Is.EqualTo("LiOH"));
    }

    [Test]
    public void KeywordsFlagsAndCounts()
    {
        var anneal = Step("anneal 850C O2 4h ramp 5C/min");
        Assert.That(anneal.Quantity("ramp")!.Value.Format(), Is.EqualTo("5C/min"));
        Assert.That(anneal.Atmosphere!.Name, Is.EqualTo("O2"));

        var etch = Step("etch citric_acid 0.1M 30min ultrasonic");
        Assert.That(etch.Has("ultrasonic"), Is.True);

        var wash = Step("wash water x3");
        Assert.That(wash.Value<CountValue>("repeats")!.Count, Is.EqualTo(3));
    }

    [Test]
    public void ArgumentsAndReagentsKeepTheOrderTheyAreWrittenIn()
    {
        var step = Step("hydrothermal 4M KOH LiOH 220C 3h solvent ethylene_glycol");

        Assert.That(step.Arguments.Select(a => a.Key), Is.EqualTo(new[] { "concentration", "reagents", "temperature", "time", "solvent" }));
        Assert.That(step.Quantities.Select(q => q.Parameter), Is.EqualTo(new[] { "concentration", "temperature", "time" }));
        Assert.That(step.Reagents.Select(r => r.Name), Is.EqualTo(new[] { "KOH", "LiOH", "ethylene_glycol" }));
        Assert.That(step.ActiveReagents.Select(r => r.Name), Is.EqualTo(new[] { "KOH", "LiOH" }));
    }

    [Test]
    public void AStepsValueDoesNotChangeWhenARuleHasAskedAboutIt()
    {
        var step = Step("hydrothermal 4M LiOH 220C 3h");
        var copy = step with { };
        var hash = step.GetHashCode();

        Assert.That((step.AddsLithium, step.IsAqueous, copy.AddsLithium), Is.EqualTo((true, true, true)));
        Assert.That(step.GetHashCode(), Is.EqualTo(hash), "the cached facts are not part of the step's value");
        Assert.That(copy, Is.EqualTo(step));
    }

    [Test]
    public void SpacedAndDegreeUnitsMeanTheSame()
    {
        Assert.That(Step("anneal 850 °C O2").TemperatureC, Is.EqualTo(850));
        Assert.That(Step("anneal 1123.15K O2").TemperatureC, Is.EqualTo(850));
    }

    [Test]
    public void DopantsPairElementsWithAmounts()
    {
        var dopants = Step("dope Al 1mol% Cu 0.5mol%").Value<DopantsValue>("dopants")!.Dopants;

        Assert.That(dopants.Select(d => (d.Element, d.Amount!.Quantity.Format())), Is.EqualTo(new[] { ("Al", "1mol%"), ("Cu", "0.5mol%") }));
    }

    [Test]
    public void MixturesKnowWhichComponentsCarryLithium()
    {
        var salts = Step("molten_salt LiOH-Ni(OH)2-Na2SO4 450C 4h").Value<MixtureValue>("salts")!;

        Assert.That(salts.Components.Select(c => c.LithiumBearing), Is.EqualTo(new[] { true, false, false }));
    }

    [TestCase("anneal 850C O2 4h 2h", "RL2003")]
    [TestCase("anneal 850 O2", "RL2004")]
    [TestCase("anneal 850C O2 4parsecs", "RL1007")]
    [TestCase("anneal 850C Oxigen", "RL1003")]
    [TestCase("anneal 850C O2 ramp", "RL2006")]
    [TestCase("dry 80C -2h", "RL2005")]
    [TestCase("dry -300C 2h", "RL2005")]
    [TestCase("coat Li3PO4 120wt%", "RL2005")]
    [TestCase("dope Qx 1mol%", "RL1008")]
    [TestCase("counter Pt", "RL1001")]
    [TestCase("etch citric_acid 0.1M ultrasonic ultrasonic 30min", "RL2003")]
    public void BindingErrors(string step, string code) =>
        Assert.That(Codes(Analyze("recipe r for NCM523 { " + step + " }")), Does.Contain(code));

    [Test]
    public void AMistypedConstantSuggestsTheConstant()
    {
        var diagnostic = Analyze("let T_anneal = 850C\nrecipe r for NCM523 { anneal T_aneal O2 4h }").Diagnostics.Single(d => d.Code == "RL1003");
        Assert.That(diagnostic.Message, Does.Contain("did you mean 'T_anneal'?"));
    }

    [TestCase("hydrothermal 4M LiOH 1.2.3C 3h", "RL0009")]
    [TestCase("let T = 1.2.3C", "RL0009")]
    [TestCase("hydrothermal 4M LiOH 1e999C 3h", "RL2005")]
    [TestCase("anneal 850F O2 4h", "RL1007")]
    public void BadNumbersAreReportedNeverThrown(string text, string code)
    {
        var analysis = Analyze(text.StartsWith("let") ? text : "recipe r for NCM523 { " + text + " }");

        Assert.That(Codes(analysis), Does.Contain(code));
        Assert.That(Codes(analysis), Does.Not.Contain("RL2002"), "no follow-on missing-parameter error");
    }

    [Test]
    public void NumberWithoutAUnitGetsTheSlotsUsualUnitAsAFix()
    {
        var diagnostic = Analyze("recipe r for NCM523 { anneal 850 O2 4h }").Diagnostics.Single(d => d.Code == "RL2004");

        Assert.That(diagnostic.Message, Does.Contain("850C for the temperature"));
        Assert.That(diagnostic.Fixes.Single().Edits.Single().NewText, Is.EqualTo("C"));
    }

    [Test]
    public void MisspelledGasesSuggestAnAcceptedSpelling()
    {
        var diagnostic = Analyze("recipe r for NCM523 { anneal 850C oxigen 4h }").Diagnostics.Single(d => d.Code == "RL1003");

        Assert.That(diagnostic.Message, Does.EndWith("did you mean 'oxygen'?"));
    }

    [Test]
    public void UnknownMaterialSuggestsTheClosest()
    {
        var diagnostic = Analyze("recipe r for NMC811 { anneal 750C O2 4h }").Diagnostics.Single(d => d.Code == "RL1002");

        Assert.That(diagnostic.Message, Does.Contain("did you mean 'NCM811'"));
    }

    [Test]
    public void LetsAreSubstitutedAndUnusedOnesReported()
    {
        var analysis = Analyze("let T = 850C\nlet unused = 3h\nrecipe r for NCM523 { anneal T O2 4h }");

        Assert.That(analysis.Recipes.Single().Steps.Single().TemperatureC, Is.EqualTo(850));
        var unused = analysis.Diagnostics.Single(d => d.Code == "RL5001");
        Assert.That(unused.Message, Does.Contain("'unused'"));
        Assert.That(unused.Fixes.Single().Edits.Single().Span.Start, Is.EqualTo("let T = 850C\n".Length));
    }

    [Test]
    public void ParameterisedRecipesAreCheckedWithTheirDefaultsAndExpandedWithArguments()
    {
        var analysis = Analyze("recipe relithiate(T: temperature = 180C) { hydrothermal 4M LiOH T 3h }\nrecipe main for NCM523 { use relithiate(T = 200C)\nwash water }");

        var main = analysis.Recipes.Single(r => r.Name == "main");
        Assert.That(main.Steps.Select(s => (s.Name, s.TemperatureC)), Is.EqualTo(new[] { ("hydrothermal", (double?)200), ("wash", null) }));
        Assert.That(main.Steps[0].Via, Is.Not.Null);
        Assert.That(analysis.Recipes.Single(r => r.Name == "relithiate").Steps.Single().TemperatureC, Is.EqualTo(180));
    }

    [TestCase("use nowhere", "RL1005")]
    [TestCase("use relithiate(Q = 1h)", "RL1010")]
    public void UseErrors(string use, string code) =>
        Assert.That(Codes(Analyze("recipe relithiate(T: temperature = 180C) { hydrothermal 4M LiOH T 3h }\nrecipe main { " + use + " }")), Does.Contain(code));

    [Test]
    public void RecipesCannotUseThemselves() =>
        Assert.That(Codes(Analyze("recipe a { use b }\nrecipe b { use a }")), Does.Contain("RL5004"));

    [Test]
    public void DuplicateRecipesAndUnknownParameterTypes()
    {
        Assert.That(Codes(Analyze("recipe a { dry 80C }\nrecipe a { dry 80C }")), Does.Contain("RL5002"));
        Assert.That(Codes(Analyze("recipe a(T: temprature) { dry T }")), Does.Contain("RL1011"));
    }

    [Test]
    public void ImportsBringRecipesIntoScope()
    {
        var files = new MockFileSystem(new Dictionary<string, MockFileData>
        {
            ["/lab/lib/common.recipe"] = new("recipe relithiate(T: temperature = 180C) { hydrothermal 4M LiOH T 3h }\n"),
        });

        var analysis = Analyze("import \"lib/common.recipe\"\nrecipe main for NCM523 { use relithiate\nwash water }", files);

        Assert.That(Codes(analysis).Where(c => c.StartsWith("RL1") || c.StartsWith("RL5")), Is.Empty);
        Assert.That(analysis.Recipes.Single().Steps[0].Source.Path, Is.EqualTo("/lab/lib/common.recipe"));
    }

    [Test]
    public void MissingImportsAndCyclesAreReportedAtTheImport()
    {
        Assert.That(Codes(Analyze("import \"nope.recipe\"")), Does.Contain("RL1006"));

        var files = new MockFileSystem(new Dictionary<string, MockFileData>
        {
            ["/lab/a.recipe"] = new("import \"b.recipe\"\n"),
            ["/lab/b.recipe"] = new("import \"a.recipe\"\n"),
        });
        var cycle = Analyze(files.File.ReadAllText("/lab/a.recipe"), files, "/lab/a.recipe").Diagnostics.Single(d => d.Code == "RL5003");
        Assert.That(cycle.Message, Does.Contain("a.recipe → b.recipe → a.recipe"));
    }

    [Test]
    public void SiteConfigExtendsTheCatalogAndTheEquipment()
    {
        var files = new MockFileSystem(new Dictionary<string, MockFileData>
        {
            ["/lab/recipelang.json"] = new("""{ "equipment": { "autoclaveMaxC": 180, "autoclaveRoutineMaxC": 160 } }"""),
        });

        var analysis = Analyze("recipe r for NCM523 { hydrothermal 4M LiOH 200C 3h }", files);

        Assert.That(analysis.Catalog.Equipment.AutoclaveMaxC, Is.EqualTo(180));
        Assert.That(Codes(analysis), Does.Contain("RL3003"));
    }

    [Test]
    public void BareStepListsAreAnAnonymousRecipeWithAHint()
    {
        var analysis = Analyze("hydrothermal 4M LiOH 220C 3h then anneal 850C O2 then coat Li3PO4");

        Assert.That(analysis.Recipes.Single().Steps.Length, Is.EqualTo(3));
        Assert.That(Codes(analysis), Does.Contain("RL1009"));
        Assert.That(analysis.HasErrors, Is.False);
    }

    [Test]
    public void CatalogIsTheOnlySourceOfNames() =>
        Assert.That(RecipeCatalog.Default.FindOperation("sinter")!.Name, Is.EqualTo("anneal"));
}
