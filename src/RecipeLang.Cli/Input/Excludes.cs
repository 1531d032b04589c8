using Microsoft.Extensions.FileSystemGlobbing;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Input;

/// <summary>
/// Drops files matched by the <c>exclude</c> globs of their recipelang.json (relative to that file's folder).
/// A file the user named explicitly is always kept: excludes shape folder and glob expansion only, like ESLint.
/// </summary>
public static class Excludes
{
    public static IReadOnlyList<RecipeFile> Apply(IReadOnlyList<RecipeFile> files, RecipeWorkspace workspace) =>
        files.Where(file => file.Named || !IsExcluded(file, workspace)).ToList();

    private static bool IsExcluded(RecipeFile file, RecipeWorkspace workspace)
    {
        var (config, _) = workspace.SiteConfigFor(file.FullPath);
        if (config.Path is null || config.Exclude.Count == 0)
        {
            return false;
        }
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(config.Exclude);
        var root = Path.GetDirectoryName(Path.GetFullPath(config.Path))!;
        return matcher.Match(root, file.FullPath).HasMatches;
    }
}
