using System.IO.Abstractions.TestingHelpers;
using BenchmarkDotNet.Attributes;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Emission;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench;

/// <summary>A library of 1,000 generated recipes into one plan assembly: C# emission, and emission plus Roslyn compilation.</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private List<LoweredRecipe> _lowered = [];

    [GlobalSetup]
    public void Setup()
    {
        var (recipes, _) = RecipeLibrary.Generate(1_000);
        var workspace = new RecipeWorkspace(new MockFileSystem());
        _lowered = recipes
            .Select((text, i) => workspace.Analyze(new SourceText(text, $"r{i}.recipe")))
            .SelectMany(a => a.Recipes.Select(r => Lowerer.Lower(r, a.Catalog.Equipment, a.Source.Path)))
            .ToList();
    }

    [Benchmark(Description = "emit C# for 1,000 recipes")]
    public int Emit() => PlanEmitter.EmitAll(_lowered).Count;

    [Benchmark(Description = "emit + compile 1,000 recipes into one assembly")]
    public int Compile() => PlanCompiler.Compile(_lowered).Image.Length;
}
