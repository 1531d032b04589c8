using System.IO.Abstractions;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Examples;

/// <summary>The repository's examples/ folder, found from the test's output folder, and its analysis on the real disk.</summary>
public static class ExampleFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Folder { get; } = Path.Combine(RepositoryRoot, "examples");

    /// <summary>Recipe files under examples/ as paths relative to it with '/' separators, sorted, so test names are stable.</summary>
    public static IEnumerable<string> Recipes(Func<string, bool> include) =>
        Directory.EnumerateFiles(Folder, "*.recipe", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'))
            .Where(include)
            .Order(StringComparer.Ordinal);

    public static bool IsInvalid(string relativePath) => relativePath.StartsWith("invalid/", StringComparison.Ordinal);

    public static string FullPath(string relativePath) => Path.Combine(Folder, relativePath);

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
