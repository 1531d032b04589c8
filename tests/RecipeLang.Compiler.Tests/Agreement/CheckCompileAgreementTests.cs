using RecipeLang.Compiler.Lowering;

namespace RecipeLang.Compiler.Tests.Agreement;

/// <summary>
/// Check and compile read one bound model: a file that checks without errors lowers every recipe, and a recipe the
/// compiler cannot lower is one the checker reports an error for. Over every recipe the repository ships.
/// </summary>
public class CheckCompileAgreementTests
{
    public static IEnumerable<string> Corpus() =>
        new[] { "examples", "tests/cases" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Examples.Root, folder), "*.recipe", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Examples.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Corpus))]
    public void CheckAndCompileAgree(string file)
    {
        var analysis = Examples.Analyze(file);
        var failures = new List<string>();
        foreach (var recipe in analysis.Recipes.Where(r => !r.IsTemplate))
        {
            try
            {
                Lowerer.Lower(recipe, analysis.Catalog.Equipment, file);
            }
            catch (LoweringException e)
            {
                failures.Add($"{recipe.Name}: {e.Message}");
            }
        }

        if (!analysis.HasErrors)
        {
            Assert.That(failures, Is.Empty, $"{file} checks clean, so every recipe must compile");
        }
        else if (failures.Count > 0)
        {
            Assert.Pass($"both refuse {file}: {string.Join("; ", failures)}");
        }
    }
}
