using RecipeLang.Syntax;

namespace RecipeLang.Core.Tests.Syntax;

public class ParserTests
{
    [Test]
    public void CardOneLinerIsThreeSteps()
    {
        var tree = Parser.Parse("hydrothermal 4M LiOH 220C 3h then anneal 850C O2 then coat Li3PO4");

        Assert.That(tree.Diagnostics, Is.Empty);
        var steps = tree.Root.Statements.OfType<StepSyntax>().ToList();
        Assert.That(steps.Select(s => s.Operation.Text), Is.EqualTo(new[] { "hydrothermal", "anneal", "coat" }));
        var quantity = (QuantitySyntax)steps[0].Arguments[0];
        Assert.That((quantity.Number.Text, quantity.Unit!.Value.Text), Is.EqualTo(("4", "M")));
        Assert.That(steps[1].Then, Is.Not.Null);
    }

    [Test]
    public void FullRecipeKeepsEveryClause()
    {
        const string text = """
            # NCM523 from spent EV cells
            recipe ncm523_hydrothermal for NCM523 {
              defects lithium_loss(li_tm = 0.62), cation_mixing, rock_salt_surface
              batch 50 g
              expect 166 mAh/g at 0.1C          # metadata
              hydrothermal 4M LiOH 220C 3h
              then wash water x3
              then dry 80C 12h vacuum
              then anneal 850C O2 4h ramp 5C/min
              then coat Li3PO4 1wt%
            }
            """;
        var tree = Parser.Parse(text);

        Assert.That(tree.Diagnostics, Is.Empty);
        var recipe = tree.Root.Recipes.Single();
        Assert.That((recipe.NameText, recipe.Material!.Value.Text), Is.EqualTo(("ncm523_hydrothermal", "NCM523")));
        Assert.That(recipe.Body.OfType<StepSyntax>().Count(), Is.EqualTo(5));
        var defects = recipe.Body.OfType<DefectsSyntax>().Single();
        Assert.That(defects.Defects.Select(d => d.Name.Text), Is.EqualTo(new[] { "lithium_loss", "cation_mixing", "rock_salt_surface" }));
        Assert.That(defects.Defects[0].Arguments!.Arguments[0].Name!.Value.Text, Is.EqualTo("li_tm"));
        var batch = (QuantitySyntax)recipe.Body.OfType<ClauseSyntax>().First().Arguments[0];
        Assert.That(batch.Unit!.Value.Text, Is.EqualTo("g"), "a spaced unit still belongs to its number");
        Assert.That(tree.Root.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void ErrorsInFirstAndThirdStepsKeepSecondAndFourth()
    {
        const string text = "anneal 850C ) O2\nwash water x3\ncoat = Li3PO4\ndry 80C 12h\n";
        var tree = Parser.Parse(text);

        Assert.That(tree.Diagnostics.Select(d => (d.Code, d.Start.Line + 1, d.Start.Character + 1)),
            Is.EqualTo(new[] { ("RL0003", 1, 13), ("RL0003", 3, 6) }));
        var steps = tree.Root.Statements.Cast<StepSyntax>().ToList();
        Assert.That(steps.Select(s => s.Operation.Text), Is.EqualTo(new[] { "anneal", "wash", "coat", "dry" }));
        // The bad token is skipped inside its step: the step's other arguments are still there for the binder.
        Assert.That(steps[0].Arguments.Select(a => a.GetType().Name), Is.EqualTo(new[] { nameof(QuantitySyntax), nameof(ErrorArgumentSyntax), nameof(NameSyntax) }));
        Assert.That(((NameSyntax)steps[2].Arguments[^1]).Text, Is.EqualTo("Li3PO4"));
    }

    [Test]
    public void ErrorNamesWhatWasExpected()
    {
        var tree = Parser.Parse("let T = \nanneal T O2");

        var diagnostic = tree.Diagnostics.Single();
        Assert.That(diagnostic.Message, Does.Contain("expected an argument"));
        Assert.That((diagnostic.Start.Line, diagnostic.Start.Character), Is.EqualTo((0, 7)));
    }

    [TestCase("220C", "220", "C")]
    [TestCase("220 °C", "220", "°C")]
    [TestCase("493.15K", "493.15", "K")]
    [TestCase("5C/min", "5", "C/min")]
    [TestCase("1wt%", "1", "wt%")]
    [TestCase("1 wt%", "1", "wt%")]
    [TestCase("-0.8V", "-0.8", "V")]
    [TestCase("10mA/g", "10", "mA/g")]
    [TestCase("2MPa", "2", "MPa")]
    public void QuantitiesKeepNumberAndUnit(string text, string number, string unit)
    {
        var step = (StepSyntax)Parser.Parse("anneal " + text).Root.Statements.Single();
        var quantity = (QuantitySyntax)step.Arguments.Single();

        Assert.That((quantity.Number.Text, quantity.Unit?.Text), Is.EqualTo((number, unit)));
    }

    [TestCase("LiOH·H2O")]
    [TestCase("LiOH*H2O")]
    [TestCase("Ni(OH)2")]
    [TestCase("(NH4)2SO4")]
    [TestCase("LiNi0.8Co0.1Mn0.1O2")]
    [TestCase("Ag/AgCl")]
    public void FormulasAreOneWord(string formula)
    {
        var step = (StepSyntax)Parser.Parse("mix " + formula).Root.Statements.Single();

        Assert.That(((NameSyntax)step.Arguments.Single()).Text, Is.EqualTo(formula));
    }

    [Test]
    public void MixturesAndRatios()
    {
        var step = (StepSyntax)Parser.Parse("molten_salt LiOH-LiNO3-LiC7H5O2 300C 4h ratio LiOH:LiNO3 = 4:6").Root.Statements.Single();

        var mixture = (MixtureSyntax)step.Arguments[0];
        Assert.That(mixture.Components.Select(c => c.Text), Is.EqualTo(new[] { "LiOH", "LiNO3", "LiC7H5O2" }));
        var ratio = (RatioSyntax)step.Arguments[^1];
        Assert.That(ratio.Parts.Select(p => p.Text), Is.EqualTo(new[] { "4", "6" }));
    }

    [Test]
    public void BareRatios()
    {
        var step = (StepSyntax)Parser.Parse("electrode binder PVDF conductive carbon_black ratio 90:5:5").Root.Statements.Single();

        var ratio = (RatioSyntax)step.Arguments[^1];
        Assert.That((ratio.EqualsToken, ratio.Parts.Select(p => p.Text)), Is.EqualTo(((SyntaxToken?)null, new[] { "90", "5", "5" })));
    }

    [Test]
    public void ParameterisedRecipesLetsUsesAndImports()
    {
        const string text = """
            import "common.recipe"
            let T_anneal = 850C
            recipe relithiate(T: temperature = 220C, t: time) { hydrothermal 4M LiOH T t; anneal T_anneal O2 }
            recipe main for NCM523 {
              use relithiate(T = 200C, t = 3h)
              note "a \"quoted\" note"
            }
            """;
        var tree = Parser.Parse(text);

        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Root.Statements[0], Is.TypeOf<ImportSyntax>());
        Assert.That(((LetSyntax)tree.Root.Statements[1]).Name.Text, Is.EqualTo("T_anneal"));
        var relithiate = tree.Root.Recipes.First();
        Assert.That(relithiate.Parameters!.Parameters.Select(p => p.Type.Text), Is.EqualTo(new[] { "temperature", "time" }));
        Assert.That(relithiate.Body.Count(s => s is StepSyntax), Is.EqualTo(2));
        var use = tree.Root.Recipes.Last().Body.OfType<UseSyntax>().Single();
        Assert.That(use.Arguments!.Arguments.Select(a => a.Name!.Value.Text), Is.EqualTo(new[] { "T", "t" }));
        var note = tree.Root.Recipes.Last().Body.OfType<ClauseSyntax>().Single();
        Assert.That(((StringSyntax)note.Arguments[0]).Value, Is.EqualTo("a \"quoted\" note"));
    }

    [Test]
    public void MissingCloseBraceRecoversAtNextRecipe()
    {
        var tree = Parser.Parse("recipe a {\n  anneal 850C O2\nrecipe b {\n  dry 80C\n}\n");

        Assert.That(tree.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "RL0004" }));
        Assert.That(tree.Root.Recipes.Select(r => r.NameText), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(tree.Root.Recipes.First().CloseBrace.IsMissing, Is.True);
    }

    [Test]
    public void CommentsAreTrivia()
    {
        var tree = Parser.Parse("# head\nanneal 850C O2 # hot\n# tail\n");

        var step = (StepSyntax)tree.Root.Statements.Single();
        Assert.That(step.Operation.LeadingTrivia.Any(t => t.Text == "# head"));
        Assert.That(step.Tokens().Last().TrailingTrivia.Any(t => t.Text == "# hot"));
        Assert.That(tree.Root.EndOfFile.LeadingTrivia.Any(t => t.Text == "# tail"));
    }

    [TestCase("anneal 850C O2 @", "RL0001")]
    [TestCase("note \"open", "RL0002")]
    [TestCase("}", "RL0005")]
    [TestCase("850C anneal", "RL0006")]
    [TestCase("use r(T = 1", "RL0007")]
    [TestCase("anneal 850C then", "RL0008")]
    [TestCase("dry 1.2.3h", "RL0009")]
    [TestCase("then dry 80C", "RL0010")]
    public void EachSyntaxErrorHasItsCode(string text, string code)
    {
        Assert.That(Parser.Parse(text).Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { code }));
    }

    [Test]
    public void A_hundred_thousand_nested_recipe_headers_parse_without_exhausting_the_stack()
    {
        // Each nested header is an error; past Parser.MaxRecipeNesting they are skipped rather than recursed into
        // (16,000 of them overflowed the stack, a crash no handler can catch).
        var tree = Parser.Parse("si " + string.Concat(Enumerable.Repeat("recipe x {", 100_000)));

        Assert.That(tree.Diagnostics.Count(d => d.Code == "RL0003"), Is.GreaterThanOrEqualTo(100_000 - 1));
        Assert.That(tree.Root.ToFullString(), Has.Length.EqualTo(3 + 100_000 * "recipe x {".Length), "every character is still in the tree");
    }
}
