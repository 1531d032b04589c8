using System.Collections.Concurrent;
using System.IO.Abstractions;
using RecipeLang.Configuration;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// The files a front end works on: editor buffers (overlays) take precedence over the file system, so the
/// language server and the CLI analyse through the same code. Thread-safe; analysis results are immutable.
/// </summary>
public sealed class RecipeWorkspace(IFileSystem fileSystem)
{
    private readonly ConcurrentDictionary<string, SourceText> _overlays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SiteConfigResult> _configs = new(StringComparer.Ordinal);

    public IFileSystem FileSystem { get; } = fileSystem;

    public void SetOverlay(string path, string text) => _overlays[Normalize(path)] = new SourceText(text, path);

    public void RemoveOverlay(string path) => _overlays.TryRemove(Normalize(path), out _);

    /// <summary>The text of a file: the open buffer if there is one, else the disk; null when neither has it.</summary>
    public SourceText? TryGetText(string path)
    {
        if (_overlays.TryGetValue(Normalize(path), out var overlay))
        {
            return overlay;
        }
        return FileSystem.File.Exists(path) ? new SourceText(FileSystem.File.ReadAllText(path), path) : null;
    }

    public DocumentAnalysis Analyze(SourceText text) => DocumentAnalysis.Create(this, text);

    public string FullPath(string path) => path.Length == 0 ? FileSystem.Directory.GetCurrentDirectory() : FileSystem.Path.GetFullPath(path);

    /// <summary>The nearest recipelang.json above the file, parsed once per config file; defaults when there is none.</summary>
    public (SiteConfig Config, IReadOnlyList<ConfigError> Errors) SiteConfigFor(string recipePath)
    {
        var configPath = recipePath.Length == 0 ? null : SiteConfigLocator.Find(FileSystem, FullPath(recipePath));
        if (configPath is null)
        {
            return (SiteConfig.Default, []);
        }
        var result = _configs.GetOrAdd(configPath, path => SiteConfig.Load(FileSystem, path));
        return (result.Config ?? SiteConfig.Default, result.Errors);
    }

    /// <summary>Forget cached configs, e.g. when the editor reports that a recipelang.json changed.</summary>
    public void InvalidateConfigs() => _configs.Clear();

    private string Normalize(string path) => FullPath(path);
}
