using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Abstractions;
using RecipeLang.Catalog;
using RecipeLang.Configuration;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// The files a front end works on, shared by the CLI and the language server: open documents (editor buffers)
/// over the file system, each file read from disk once and parsed once, the latest analysis of each document with
/// the files it read, and the site configs. Changes make a new immutable <see cref="WorkspaceSnapshot"/> and say
/// which documents they affect: the changed file and every document that imports it, directly or not.
/// Thread-safe; no I/O but through <see cref="IFileSystem"/>.
/// </summary>
public sealed class RecipeWorkspace
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, DocumentSnapshot?> _disk = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DocumentAnalysis>> _analyses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SiteConfigResult> _configs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _configPaths = new(StringComparer.Ordinal);
    private volatile WorkspaceSnapshot _current;

    private readonly SiteConfig? _site;

    /// <param name="site">When given, every file is analysed under this site instead of its nearest recipelang.json
    /// (compile --site: the plan is checked against the units it is bound to).</param>
    public RecipeWorkspace(IFileSystem fileSystem, SiteConfig? site = null)
    {
        FileSystem = fileSystem;
        _site = site;
        _current = new WorkspaceSnapshot(this, ImmutableDictionary.Create<string, DocumentSnapshot>(StringComparer.Ordinal), 0, 0);
    }

    public IFileSystem FileSystem { get; }

    /// <summary>Diagnostics reported per file at most (0 for all), over the file's recipelang.json; null leaves it to the site.</summary>
    public int? MaxDiagnosticsPerFile { get; init; }

    /// <summary>
    /// False for a caller that wants diagnostics only (<c>check</c>, <c>lint</c>): each recipe's bound model is dropped
    /// once its rules ran, and <see cref="DocumentAnalysis.Recipes"/> binds the file again if asked.
    /// </summary>
    public bool KeepsBoundRecipes { get; init; } = true;

    /// <summary>The latest snapshot.</summary>
    public WorkspaceSnapshot Current => _current;

    /// <summary>Opens or replaces an editor buffer; returns the documents whose analysis this changes.</summary>
    public WorkspaceChange SetDocument(string path, SourceText text, int version)
    {
        var full = FullPath(path);
        // The previous version of the buffer, from which the new one is parsed and analysed incrementally.
        return Update(open => open.SetItem(full, new DocumentSnapshot(full, text, version, open.GetValueOrDefault(full))), [full]);
    }

    public WorkspaceChange SetOverlay(string path, string text) => SetDocument(path, new SourceText(text, path), 0);

    /// <summary>Closes an editor buffer: the file is the disk's again for whoever imports it.</summary>
    public WorkspaceChange RemoveOverlay(string path)
    {
        var full = FullPath(path);
        return Update(open => open.Remove(full), [full]);
    }

    /// <summary>
    /// Files changed, were created or deleted on disk (the editor's file watcher): they are read again when next
    /// needed. A <c>recipelang.json</c> among them re-reads the site configs, which may affect every document.
    /// </summary>
    public WorkspaceChange FilesChangedOnDisk(IEnumerable<string> paths)
    {
        var full = paths.Select(FullPath).ToList();
        if (full.Any(p => FileSystem.Path.GetFileName(p) == SiteConfig.FileName))
        {
            return InvalidateConfigs();
        }
        foreach (var path in full)
        {
            _disk.TryRemove(path, out _);
        }
        return Update(open => open, full);
    }

    /// <summary>Forgets the cached configs (a recipelang.json changed): every analysis is redone.</summary>
    public WorkspaceChange InvalidateConfigs()
    {
        lock (_gate)
        {
            _configs.Clear();
            _configPaths.Clear();
            var previous = _current;
            _current = new WorkspaceSnapshot(this, previous.Open, previous.Generation + 1, previous.ConfigGeneration + 1);
            return new WorkspaceChange(_current, [.. previous.Open.Keys]);
        }
    }

    /// <summary>
    /// The open documents a change to these files affects: the files themselves when open, and every open
    /// document whose last analysis read one of them (imports, transitively, and imports that were missing).
    /// A document not analysed yet is affected too: nobody knows yet what it reads.
    /// </summary>
    public ImmutableArray<string> Dependents(WorkspaceSnapshot snapshot, IReadOnlyCollection<string> changed) =>
        [.. snapshot.Open.Keys.Where(path => changed.Contains(path)
            || !_analyses.TryGetValue(path, out var cached) || !cached.IsValueCreated
            || cached.Value.Dependencies.Overlaps(changed))];

    /// <summary>The text of a file: the open buffer if there is one, else the disk; null when neither has it.</summary>
    public SourceText? TryGetText(string path) => _current.GetDocument(path)?.Text;

    /// <summary>Analyses a text as if it were the file at its path (the CLI's entry point): imports come from the workspace.</summary>
    public DocumentAnalysis Analyze(SourceText text) =>
        DocumentAnalysis.Create(this, _current, new DocumentSnapshot(FullPath(text.Path), text, 0));

    public string FullPath(string path) => path.Length == 0 ? FileSystem.Directory.GetCurrentDirectory() : FileSystem.Path.GetFullPath(path);

    /// <summary>The nearest recipelang.json above the file, parsed once per config file; defaults when there is none.</summary>
    public (SiteConfig Config, IReadOnlyList<ConfigError> Errors) SiteConfigFor(string recipePath)
    {
        if (_site is not null)
        {
            return (_site, []);
        }
        return recipePath.Length == 0 ? (SiteConfig.Default, []) : SiteConfigForFullPath(FullPath(recipePath));
    }

    /// <summary><see cref="SiteConfigFor"/> of a path that is already full (a document's), without normalising it again.</summary>
    internal (SiteConfig Config, IReadOnlyList<ConfigError> Errors) SiteConfigForFullPath(string full)
    {
        if (_site is not null)
        {
            return (_site, []);
        }
        var directory = FileSystem.Path.GetDirectoryName(full) ?? full;
        if (!_configPaths.TryGetValue(directory, out var configPath))
        {
            configPath = _configPaths.GetOrAdd(directory, _ => SiteConfigLocator.Find(FileSystem, full));
        }
        if (configPath is null)
        {
            return (SiteConfig.Default, []);
        }
        var result = _configs.GetOrAdd(configPath, path => SiteConfig.Load(FileSystem, path));
        return (result.Config ?? SiteConfig.Default, result.Errors);
    }

    internal DocumentSnapshot? ReadFromDisk(string fullPath) =>
        _disk.GetOrAdd(fullPath, path => FileSystem.File.Exists(path) ? new DocumentSnapshot(path, new SourceText(FileSystem.File.ReadAllText(path), path), 0) : null);

    /// <summary>
    /// The analysis of a document in a snapshot, shared by every caller. A caller whose token is cancelled (the
    /// language server cancels an analysis a newer version superseded) stops it between recipes; the entry it was
    /// to replace is put back, so the next analysis still starts from the last complete one, and any other caller
    /// that was waiting for it starts its own.
    /// </summary>
    internal DocumentAnalysis Analyze(WorkspaceSnapshot snapshot, DocumentSnapshot document, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var added = new Lazy<DocumentAnalysis>(() => DocumentAnalysis.Create(this, snapshot, document, null, cancellationToken));
            var cached = _analyses.GetOrAdd(document.FullPath, added);
            if (ValueOrRestore(document.FullPath, cached, ReferenceEquals(cached, added), null) is not { } analysis)
            {
                continue;
            }
            if (ReferenceEquals(analysis.Document, document) && analysis.IsCurrentIn(snapshot))
            {
                return analysis;
            }
            if (analysis.Generation > snapshot.Generation)
            {
                return DocumentAnalysis.Create(this, snapshot, document, null, cancellationToken); // a reader of an old snapshot: not cached
            }
            // Stale: the document or a file it read changed. Analyse this snapshot instead, from the stale analysis
            // (recipes the edit did not touch keep their binding and diagnostics); an analysis of an older snapshot
            // that finishes later does not replace a newer one.
            var previous = analysis;
            var fresh = new Lazy<DocumentAnalysis>(() => DocumentAnalysis.Create(this, snapshot, document, previous, cancellationToken));
            if (_analyses.TryUpdate(document.FullPath, fresh, cached) && ValueOrRestore(document.FullPath, fresh, true, cached) is { } result)
            {
                return result;
            }
        }
    }

    /// <summary>The analysis an entry computes; null when it was cancelled (its creator then puts back the entry it replaced).</summary>
    private DocumentAnalysis? ValueOrRestore(string path, Lazy<DocumentAnalysis> entry, bool created, Lazy<DocumentAnalysis>? replaced)
    {
        try
        {
            return entry.Value;
        }
        catch (OperationCanceledException)
        {
            if (created)
            {
                if (replaced is null)
                {
                    _analyses.TryRemove(KeyValuePair.Create(path, entry));
                }
                else
                {
                    _analyses.TryUpdate(path, replaced, entry);
                }
            }
            else
            {
                Thread.Yield(); // another caller's cancelled analysis: its creator is putting the entry back
            }
            return null;
        }
    }

    internal DocumentAnalysis? TryGetAnalysis(WorkspaceSnapshot snapshot, DocumentSnapshot document) =>
        _analyses.TryGetValue(document.FullPath, out var cached) && cached.IsValueCreated
            && ReferenceEquals(cached.Value.Document, document) && cached.Value.IsCurrentIn(snapshot)
            ? cached.Value
            : null;

    private WorkspaceChange Update(Func<ImmutableDictionary<string, DocumentSnapshot>, ImmutableDictionary<string, DocumentSnapshot>> change, IReadOnlyCollection<string> changed)
    {
        lock (_gate)
        {
            var previous = _current;
            _current = new WorkspaceSnapshot(this, change(previous.Open), previous.Generation + 1, previous.ConfigGeneration);
            return new WorkspaceChange(_current, Dependents(_current, changed));
        }
    }
}

/// <summary>The snapshot after a change and the open documents (full paths) whose diagnostics it may change.</summary>
public sealed record WorkspaceChange(WorkspaceSnapshot Snapshot, ImmutableArray<string> Affected);
