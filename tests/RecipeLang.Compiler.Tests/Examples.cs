using System.IO.Abstractions;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Compiler.Tests;

/// <summary>The repository's example recipes, analysed and lowered once per test run.</summary>
public static class Examples
{
    public static string Root { get; } = FindRoot();

    private static readonly Lazy<IReadOnlyList<LoweredRecipe>> LazyTable1 = new(() =>
        Directory.GetFiles(Path.Combine(Root, "examples", "table1"), "*.recipe").Order(StringComparer.Ordinal).SelectMany(f => LowerFile(f)).ToList());

    public static IReadOnlyList<LoweredRecipe> Table1 => LazyTable1.Value;

    public static IEnumerable<string> Table1Files() =>
        Directory.GetFiles(Path.Combine(FindRoot(), "examples", "table1"), "*.recipe").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    public static DocumentAnalysis Analyze(string relativePath, string? text = null)
    {
        var full = Path.Combine(Root, relativePath);
        var workspace = new RecipeWorkspace(new FileSystem());
        return workspace.Analyze(new SourceText(text ?? File.ReadAllText(full), full));
    }

    /// <summary>Lowers every recipe of a file; the file must have no errors.</summary>
    public static IReadOnlyList<LoweredRecipe> LowerFile(string path, string? text = null)
    {
        var relative = Path.GetRelativePath(Root, path).Replace('\\', '/');
        var analysis = Analyze(relative, text);
        Assert.That(analysis.HasErrors, Is.False, () => $"{relative}: {string.Join("; ", analysis.Diagnostics)}");
        return analysis.Recipes.Select(r => Lowerer.Lower(r, analysis.Catalog.Equipment, relative)).ToList();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RecipeLang.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("RecipeLang.sln not found above the test directory.");
    }
}
