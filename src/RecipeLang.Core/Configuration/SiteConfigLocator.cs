using System.IO.Abstractions;

namespace RecipeLang.Configuration;

/// <summary>Finds the config that governs a recipe, the way .editorconfig is found: the nearest one above it.</summary>
public static class SiteConfigLocator
{
    /// <summary>
    /// The nearest <c>recipelang.json</c> in the recipe's directory or any parent up to the root, or null.
    /// A directory path starts the search in that directory.
    /// </summary>
    public static string? Find(IFileSystem fileSystem, string recipePath)
    {
        if (string.IsNullOrWhiteSpace(recipePath))
            return null;
        var full = fileSystem.Path.GetFullPath(recipePath);
        var directory = fileSystem.Directory.Exists(full) ? full : fileSystem.Path.GetDirectoryName(full);
        while (!string.IsNullOrEmpty(directory))
        {
            var candidate = fileSystem.Path.Combine(directory, SiteConfig.FileName);
            if (fileSystem.File.Exists(candidate))
                return candidate;
            directory = fileSystem.Path.GetDirectoryName(directory);
        }
        return null;
    }
}
