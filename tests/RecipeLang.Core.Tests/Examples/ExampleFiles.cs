using System.IO.Abstractions;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Examples;

/// <summary>
/// The shipped recipes (examples/) and the deliberately wrong ones (tests/cases/invalid/), found from the test's
/// output folder, and their analysis on the real disk. Paths are relative to the repository root.
/// </summary>
public static class ExampleFiles
{
    private const string InvalidFolder = "tests/cases/invalid/";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Recipe files as repository-relative paths with '/' separators, sorted, so test names are stable.</summary>
    public static IEnumerable<string> Recipes(Func<string, bool> include) =>
        new[] { "examples", InvalidFolder }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot, folder), "*.recipe", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'))
            .Where(include)
            .Order(StringComparer.Ordinal);

    public static bool IsInvalid(string relativePath) => relativePath.StartsWith(InvalidFolder, StringComparison.Ordinal);

    public static string FullPath(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    public static string Read(string relativePath) => File.ReadAllText(FullPath(relativePath));

    /// <summary>Analysis through the same workspace the CLI uses, so imports resolve against the real files.</summary>
    public static DocumentAnalysis Analyze(string relativePath) =>
        new RecipeWorkspace(new FileSystem()).Analyze(new SourceText(Read(relativePath), FullPath(relativePath)));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RecipeLang.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder holding RecipeLang.sln above {TestContext.CurrentContext.TestDirectory}");
    }
}
