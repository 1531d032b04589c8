using System.IO.Abstractions.TestingHelpers;
using BenchmarkDotNet.Attributes;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench;

/// <summary>
/// A library of 1,000 generated recipes: lowering them to controller verbs, and emitting and compiling all of
/// them with Roslyn into one in-memory assembly (what <c>recipelang compile lib/ --emit dll</c> does after checking).
/// </summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private List<(BoundRecipeWithProfile Recipe, string Path)> _bound = [];
    private List<LoweredRecipe> _lowered = [];

    private sealed record BoundRecipeWithProfile(Binding.BoundRecipe Recipe, Catalog.EquipmentProfile Profile);

    [GlobalSetup]
    public void Setup()
    {
        var (recipes, _) = RecipeLibrary.Generate(1_000);
        var workspace = new RecipeWorkspace(new MockFileSystem());
        _bound = recipes.Select((text, i) =>
        {
            var path = $"/lib/r{i}.recipe";
            var analysis = workspace.Analyze(new SourceText(text, path));
            if (analysis.HasErrors)
            {
                throw new InvalidOperationException($"{path} has errors: {string.Join("; ", analysis.Diagnostics)}");
            }
            return (new BoundRecipeWithProfile(analysis.Recipes.Single(), analysis.Catalog.Equipment), path);
        }).ToList();
        _lowered = Lower();
        // Warm Roslyn once so that the measured runs are the steady state of a long-lived compiler process.
        if (!PlanCompiler.Compile(_lowered.Take(1)).Success)
        {
            throw new InvalidOperationException("A generated plan does not compile.");
        }
    }

    [Benchmark(Description = "lower 1,000 recipes")]
    public List<LoweredRecipe> Lower() => _bound.Select(b => Lowerer.Lower(b.Recipe.Recipe, b.Recipe.Profile, b.Path)).ToList();

    [Benchmark(Description = "emit + compile 1,000 plans into one assembly")]
    public int CompileAll()
    {
        var plans = PlanCompiler.Compile(_lowered);
        return plans.Success ? plans.Image.Length : throw new InvalidOperationException(string.Join("; ", plans.Errors));
    }
}
