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

    // Folder → the recipelang.json that governs it (or none): a library of 10,000 files in a few folders walks up the
    // tree a few times instead of 10,000 times (that walk was a tenth of 'lint'). Cleared with the configs.
    private readonly ConcurrentDictionary<string, string?> _configLocations = new(StringComparer.Ordinal);

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
        var configPath = recipePath.Length == 0 ? null : LocateConfig(FullPath(recipePath));
        if (configPath is null)
        {
            return (SiteConfig.Default, []);
        }
        var result = _configs.GetOrAdd(configPath, path => SiteConfig.Load(FileSystem, path));
        return (result.Config ?? SiteConfig.Default, result.Errors);
    }

    /// <summary>Forget cached configs, e.g. when the editor reports that a recipelang.json changed.</summary>
    public void InvalidateConfigs()
    {
        _configLocations.Clear();
        _configs.Clear();
    }

    private string? LocateConfig(string fullPath)
    {
        var folder = FileSystem.Directory.Exists(fullPath) ? fullPath : FileSystem.Path.GetDirectoryName(fullPath);
        return string.IsNullOrEmpty(folder) ? null : _configLocations.GetOrAdd(folder, f => SiteConfigLocator.Find(FileSystem, f));
    }

    private string Normalize(string path) => FullPath(path);
}
