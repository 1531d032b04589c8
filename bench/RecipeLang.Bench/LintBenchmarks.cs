using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench;

/// <summary>
/// Lint throughput on a 10,000-recipe library (parse, bind, all rules) against System.Text.Json reading the
/// same content as JSON. Single-threaded so the ratio compares work, not cores; the CLI adds parallelism.
/// </summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private string[] _recipes = [];
    private string[] _json = [];
    private RecipeWorkspace _workspace = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_recipes, _json) = RecipeLibrary.Generate(10_000);
        _workspace = new RecipeWorkspace(new MockFileSystem());
        Console.WriteLine($"// library: {RecipeLibrary.Megabytes(_recipes):0.00} MB as recipes, {RecipeLibrary.Megabytes(_json):0.00} MB as JSON");
    }

    [Benchmark(Description = "parse 10k recipes")]
    public int Parse()
    {
        var count = 0;
        foreach (var text in _recipes)
        {
            count += Parser.Parse(text).Root.Statements.Length;
        }
        return count;
    }

    [Benchmark(Description = "lint 10k recipes (parse+bind+rules)")]
    public int Lint()
    {
        var count = 0;
        for (var i = 0; i < _recipes.Length; i++)
        {
            count += _workspace.Analyze(new SourceText(_recipes[i], $"r{i}.recipe")).Diagnostics.Length;
        }
        return count;
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json: 10k as JSON")]
    public int SystemTextJson()
    {
        var count = 0;
        foreach (var text in _json)
        {
            using var document = JsonDocument.Parse(text);
            count += document.RootElement.GetProperty("steps").GetArrayLength();
        }
        return count;
    }
}
