using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RecipeLang.Compiler.Emission;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Catalog;

namespace RecipeLang.Compiler.Tests;

public class CompilationTests
{
    [Test]
    public void All_table1_examples_compile_into_one_assembly_without_warnings()
    {
        var plans = CompiledExamples.Plans;
        Assert.That(plans.Errors, Is.Empty);
        Assert.That(plans.Warnings, Is.Empty);
        Assert.That(plans.Load().Select(p => p.Name), Is.EquivalentTo(Examples.Table1.Select(r => r.Name)));
    }

    [Test]
    public void The_assembly_references_only_the_base_library_and_the_runtime_contract()
    {
        var assembly = AssemblyOf(CompiledExamples.Plans);
        Assert.That(assembly.GetReferencedAssemblies().Select(a => a.Name), Is.EquivalentTo(new[] { "System.Runtime", "RecipeLang.Runtime" }));
    }

    [Test]
    public void Every_example_plan_runs_to_completion_on_the_simulated_plant()
    {
        var profile = EquipmentProfile.Default;
        var executor = new PlanExecutor(new EquipmentLimits(profile.FurnaceMaxC, profile.AutoclaveMaxC, profile.AutoclaveMaxBar, profile.Gases));
        foreach (var plan in CompiledExamples.Plans.Load())
        {
            var plant = new SimulatedPlant();
            var result = executor.RunAsync(plan, plant, new RunOptions { Clock = plant.Clock }).GetAwaiter().GetResult();
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed), () => $"{plan.Name}: {result.Message}");
            Assert.That(result.StepsRun, Has.Count.EqualTo(plan.Steps.Count));
            Assert.That(plant.ThermalProfile, Is.Not.Empty);
            // The batch went in once and followed every transfer to the vessel of the plan's last verb.
            var last = Examples.Table1.Single(r => r.Name == plan.Name).Steps[^1].Verbs[^1].Vessel;
            var holding = Enum.GetValues<Vessel>().Where(v => plant.State(v).Contents.Any(c => c.EndsWith(" " + plan.Material, StringComparison.Ordinal)));
            Assert.That(holding, Is.EqualTo(new[] { last }), plan.Name);
            Assert.That(plant.State(last).Contents.Count(c => c.EndsWith(" " + plan.Material, StringComparison.Ordinal)), Is.EqualTo(1), plan.Name);
        }
    }

    [Test]
    public void A_plan_stamped_with_another_profile_is_refused_naming_both_hashes()
    {
        var plan = CompiledExamples.Plans.Load()[0];
        var other = new EquipmentLimits(900, 200, 20, ["air"]);
        var plant = new SimulatedPlant();
        var result = new PlanExecutor(other).RunAsync(plan, plant, new RunOptions { Clock = plant.Clock }).GetAwaiter().GetResult();
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Refused));
        Assert.That(result.Message, Does.Contain(plan.ProfileHash).And.Contain(other.Hash));
        Assert.That(plan.ProfileHash, Is.Not.EqualTo(other.Hash));
    }

    [Test]
    public void Steps_carry_their_recipe_file_and_line()
    {
        var plan = CompiledExamples.Plans.Load().Single(p => p.Name == "ncm523_hydrothermal");
        Assert.That(plan.Steps[0].Location, Is.EqualTo(new SourceLocation("examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe", 9, 3)));
        Assert.That(plan.Steps[0].Description, Is.EqualTo("hydrothermal 4M LiOH 220C 3h"));
        Assert.That(plan.Steps[3].Description, Is.EqualTo("anneal 850C O2 4h ramp 5C/min"));
    }

    [Test]
    public void A_fault_in_a_step_is_reported_and_journaled_at_the_recipe_line()
    {
        var plan = CompiledExamples.Plans.Load().Single(p => p.Name == "ncm523_hydrothermal");
        var profile = EquipmentProfile.Default;
        var journal = Path.Combine(Path.GetTempPath(), $"recipelang-{Guid.NewGuid():N}.jsonl");
        try
        {
            var result = new PlanExecutor(new EquipmentLimits(profile.FurnaceMaxC, profile.AutoclaveMaxC, profile.AutoclaveMaxBar, profile.Gases))
                .RunAsync(plan, new FailingRamp(), new RunOptions { JournalPath = journal }).GetAwaiter().GetResult();
            Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
            Assert.That(result.Message, Does.Contain("examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe:9:3").And.Contain("heater failed"));
            Assert.That(File.ReadAllText(journal), Does.Contain("\"line\":9"));
        }
        finally
        {
            File.Delete(journal);
        }
    }

    [Test]
    public void The_compiled_trees_are_exactly_the_printed_csharp()
    {
        foreach (var (_, unit) in PlanEmitter.EmitUnits(Examples.Table1))
        {
            var created = CSharpSyntaxTree.Create(unit);
            var parsed = CSharpSyntaxTree.ParseText(unit.ToFullString());
            Assert.That(parsed.GetDiagnostics(), Is.Empty);
            // The same syntax, token for token (trivia aside: the emitter's tokens carry empty elastic markers), and the same #line map.
            Assert.That(SyntaxFactory.AreEquivalent(parsed.GetRoot(), unit, topLevel: false), Is.True);
            Assert.That(created.GetLineMappings(), Is.EqualTo(parsed.GetLineMappings()));
            Assert.That(created.GetLineMappings().Count(m => !m.IsHidden && m.MappedSpan.Path.EndsWith(".recipe", StringComparison.Ordinal)), Is.GreaterThan(1));
        }
    }

    [Test]
    public void Emitted_code_has_a_header_and_line_directives_naming_the_recipe()
    {
        var code = PlanEmitter.EmitAll(Examples.Table1.Where(r => r.Name == "ncm523_hydrothermal")).Single().Code;
        Assert.That(code, Does.StartWith("// <auto-generated/>"));
        Assert.That(code, Does.Contain($"// SHA-256 of the recipe: {Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal").SourceSha256}"));
        Assert.That(code, Does.Contain("#line 12 \"examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe\""));
    }

    [Test]
    public void Plans_of_several_recipes_concatenate_into_one_valid_csharp_file()
    {
        var code = string.Join("\n", PlanEmitter.EmitAll(Examples.Table1).Select(f => f.Code));
        var tree = CSharpSyntaxTree.ParseText(code);
        Assert.That(tree.GetDiagnostics(), Is.Empty);
        Assert.That(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Count(), Is.EqualTo(Examples.Table1.Count));
    }

    [TestCase("03-ncm523-hydrothermal-lioh-220c.recipe")]
    [TestCase("07-lco-electrochemical-li2so4.recipe")]
    [TestCase("08-ncm83-al-cu-dual-doping.recipe")]
    public void Emitted_csharp_matches_its_golden_file(string file)
    {
        var recipes = Examples.LowerFile(Path.Combine(Examples.Root, "examples", "table1", file));
        var code = string.Concat(PlanEmitter.EmitAll(recipes).Select(f => f.Code));
        Golden.Match(Path.Combine("csharp", Path.ChangeExtension(file, ".g.cs")), code);
    }

    [Test]
    public void Every_number_in_the_emitted_code_is_a_clean_literal()
    {
        var code = string.Join("\n", PlanEmitter.EmitAll(Examples.Table1).Select(f => f.Code));
        var numbers = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.NumericLiteralExpression)).Select(l => l.Token.Text).ToList();
        Assert.That(numbers, Has.None.Matches(@"\.\d{7,}"));
        // 850 °C goes through kelvin when the recipe is checked; the plan states the recipe's number.
        Assert.That(code, Does.Contain("Temperature.Celsius(850)"));
    }

    [Test]
    public void Recipe_text_enters_the_code_only_as_literals_with_exactly_that_value()
    {
        const string hostile = "a\"b\\c */ #line 1 \"evil\"\n\"); System.IO.File.Delete(\"x";
        var recipe = LoweringTests.Lower("hydrothermal 4M LiOH 220C 3h then wash water x3 then dry 80C 12h") with
        {
            Name = hostile,
            Material = hostile,
            Notes = [hostile],
            SourcePath = hostile + ".recipe",
        };
        recipe = recipe with { Steps = [recipe.Steps[0] with { Description = hostile }, .. recipe.Steps.Skip(1)] };
        var code = PlanEmitter.EmitAll([recipe]).Single().Code;
        var tree = CSharpSyntaxTree.ParseText(code);
        Assert.That(tree.GetDiagnostics(), Is.Empty);
        var literals = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).Select(l => (string)l.Token.Value!).ToList();
        Assert.That(literals, Has.Exactly(3).EqualTo(hostile));
        Assert.That(literals, Has.Exactly(recipe.Steps.Length).EqualTo(hostile + ".recipe"));
        Assert.That(tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => i.Expression.ToString()), Has.None.Contains("File"));
        Assert.That(tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single().Identifier.Text, Is.EqualTo("ABCLine1EvilSystemIOFileDeleteXPlan"));
        var compiled = PlanCompiler.Compile([recipe]);
        Assert.That(compiled.Errors, Is.Empty);
        Assert.That(compiled.Load().Single().Name, Is.EqualTo(hostile));
    }

    [Test]
    public void Roslyn_errors_are_reported_at_the_recipe_line_not_in_the_generated_code()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var broken = recipe.Steps[3] with { Verbs = [new Verb(VerbKind.Seal, Vessel.Furnace, [new VerbArgument(ArgumentKind.Temperature, 5)])] };
        var compiled = PlanCompiler.Compile([recipe with { Steps = [.. recipe.Steps.Take(3), broken, .. recipe.Steps.Skip(4)] }]);
        Assert.That(compiled.Success, Is.False);
        var error = compiled.Errors.Single();
        Assert.That((error.File, error.Line), Is.EqualTo(("examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe", 12)));
        Assert.That(error.ToString(), Does.StartWith("examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe:12: error: generated plan does not compile: CS"));
    }

    [Test]
    public void Class_names_are_identifiers_and_unique()
    {
        var identifiers = new PlanIdentifiers();
        Assert.That(new[] { identifiers.ClassFor("ncm_523"), identifiers.ClassFor("ncm-523"), identifiers.ClassFor("523"), identifiers.ClassFor("") },
            Is.EqualTo(new[] { "Ncm523Plan", "Ncm523Plan2", "Recipe523Plan", "RecipePlan" }));
    }

    private static Assembly AssemblyOf(CompiledPlans plans) => plans.Load()[0].GetType().Assembly;

    private sealed class FailingRamp : IProcessController
    {
        public Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("heater failed");
        public Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task SealAsync(Vessel vessel, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task VentAsync(Vessel vessel, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<CurrentStepResult> ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken) =>
            Task.FromResult(new CurrentStepResult(false, maxDuration, cutoff));
        public Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken) => Task.FromResult(Temperature.Celsius(25));
        public Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken) => Task.FromResult(Pressure.Bar(1));
        public Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken) => Task.FromResult(Potential.Volts(3));
    }
}
