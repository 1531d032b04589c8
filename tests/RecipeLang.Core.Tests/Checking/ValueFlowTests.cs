using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

/// <summary>
/// A value is checked where it lands: through a <c>let</c>, a parameter default, a <c>use</c> argument (also one
/// naming a <c>let</c>), a nested <c>use</c> and an imported recipe, the step sees the concrete quantity.
/// </summary>
public class ValueFlowTests
{
    // 300 °C is above the default autoclave's 240 °C: RL3003 wherever the number is written.
    private const string Relithiate = "recipe relithiate(T: temperature = 180C) {\n  hydrothermal 4M LiOH T 3h\n}\n";

    private static IReadOnlyList<Diagnostic> Check(string text, params (string Path, string Text)[] files)
    {
        var fileSystem = new MockFileSystem(files.ToDictionary(f => f.Path, f => new MockFileData(f.Text)));
        return new RecipeWorkspace(fileSystem).Analyze(new SourceText(text, "/r/main.recipe")).Diagnostics;
    }

    private static string At(string text, Diagnostic diagnostic) => text.Substring(diagnostic.Span.Start, diagnostic.Span.Length);

    [Test]
    public void LetConstantInAStep()
    {
        const string text = "let T = 300C\nrecipe r for NCM523 {\n  hydrothermal 4M LiOH T 3h\n}\n";
        var diagnostic = Check(text).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("T"));
        Assert.That(diagnostic.Related.Single(r => r.Message.Contains("set here")).Start.Line, Is.EqualTo(0), "the let is the related location");
    }

    [Test]
    public void LetNamingAnEarlierLet()
    {
        const string text = "let hot = 300C\nlet T = hot\nrecipe r for NCM523 {\n  hydrothermal 4M LiOH T 3h\n}\n";
        var diagnostics = Check(text);

        Assert.That(diagnostics.Count(d => d.Code == "RL3003"), Is.EqualTo(1));
        Assert.That(diagnostics.Any(d => d.Code == "RL5001"), Is.False, "hot is used by T");
    }

    [Test]
    public void ParameterDefault()
    {
        const string text = "recipe relithiate(T: temperature = 300C) {\n  hydrothermal 4M LiOH T 3h\n}\n";
        var diagnostic = Check(text).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("T"));
        Assert.That(diagnostic.Related.Single().Start.Line, Is.EqualTo(0), "the default is the related location");
    }

    [Test]
    public void UseArgumentIsReportedOnTheArgumentWithTheCalleeRelated()
    {
        const string text = Relithiate + "recipe main for NCM523 {\n  use relithiate(T = 300C)\n}\n";
        var diagnostic = Check(text).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("300C"));
        Assert.That(diagnostic.Related.Any(r => r.Start.Line == 1), Is.True, "the step inside relithiate");
    }

    [Test]
    public void UseArgumentNamingALet()
    {
        const string text = "let T = 300C\n" + Relithiate + "recipe main for NCM523 {\n  use relithiate(T = T)\n}\n";
        var diagnostics = Check(text);

        Assert.That(diagnostics.Where(d => d.Code == "RL3003").Select(d => At(text, d)), Is.EqualTo(new[] { "T" }));
        Assert.That(diagnostics.Single(d => d.Code == "RL3003").Span.Start, Is.GreaterThan(text.IndexOf("use", StringComparison.Ordinal)));
    }

    [Test]
    public void NestedUseCarriesTheOuterArgument()
    {
        const string text = Relithiate + "recipe twice(T2: temperature = 180C) {\n  use relithiate(T = T2)\n}\nrecipe main for NCM523 {\n  use twice(T2 = 300C)\n}\n";
        var diagnostic = Check(text).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("300C"));
    }

    [Test]
    public void ImportedRecipeWithItsOwnConstant()
    {
        const string library = "let T_lib = 300C\nrecipe relithiate_hot {\n  hydrothermal 4M LiOH T_lib 3h\n}\n";
        const string text = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate_hot\n}\n";
        var diagnostics = Check(text, ("/r/lib.recipe", library));

        var diagnostic = diagnostics.Single(d => d.Code == "RL3003" && d.Path == "/r/main.recipe");
        Assert.That(At(text, diagnostic), Is.EqualTo("use relithiate_hot"));
        Assert.That(diagnostic.Related.Select(r => r.Path), Does.Contain("/r/lib.recipe"));
    }

    [Test]
    public void ImportedRecipeWithAnArgument()
    {
        const string text = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate(T = 300C)\n}\n";
        var diagnostic = Check(text, ("/r/lib.recipe", Relithiate)).Single(d => d.Code == "RL3003");

        Assert.That(At(text, diagnostic), Is.EqualTo("300C"));
    }

    [Test]
    public void ArgumentOfAnotherDimensionIsRefusedAtTheUse()
    {
        const string text = Relithiate + "recipe main for NCM523 {\n  use relithiate(T = 3h)\n}\n";
        var diagnostic = Check(text).Single(d => d.Code == "RL2007");

        Assert.That(At(text, diagnostic), Is.EqualTo("3h"));
        Assert.That(diagnostic.Message, Does.Contain("temperature"));
    }

    [Test]
    public void DefaultOfAnotherDimensionIsRefused()
    {
        const string text = "recipe relithiate(T: temperature = 4M) {\n  hydrothermal 4M LiOH T 3h\n}\n";

        Assert.That(Check(text).Select(d => (d.Code, At(text, d))), Does.Contain(("RL2007", "4M")));
    }

    [Test]
    public void SafeArgumentIsClean()
    {
        const string text = "let T = 200C\n" + Relithiate + "recipe main for NCM523 {\n  use relithiate(T = T)\n  then wash water\n}\n";

        Assert.That(Check(text).Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }

    [TestCase("anneal 850C O2 0h", "0h")]
    [TestCase("coat Li3PO4 0wt%", "0wt%")]
    [TestCase("dope Al 0mol%", "0mol%")]
    [TestCase("anneal 850C O2 4h ramp 0C/min", "0C/min")]
    [TestCase("hydrothermal 0M LiOH 180C 3h", "0M")]
    public void ZeroDurationsAndAmountsAreImpossible(string step, string value)
    {
        var text = $"recipe r for NCM523 {{\n  {step}\n}}\n";

        Assert.That(Check(text).Where(d => d.Code == "RL2005").Select(d => At(text, d)), Is.EqualTo(new[] { value }));
    }

    [Test]
    public void ImpossibleValueThroughALetIsReported()
    {
        const string text = "let t = -3h\nrecipe r for NCM523 {\n  anneal 850C O2 t\n}\n";

        Assert.That(Check(text).Where(d => d.Code == "RL2005").Select(d => At(text, d)), Is.EqualTo(new[] { "t" }));
    }
}
