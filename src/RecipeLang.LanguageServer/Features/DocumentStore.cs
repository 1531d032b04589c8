using System.Collections.Concurrent;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// The client's view of the workspace: which URI is which file, the open documents kept in step with the
/// client's edits (their text and version live in the <see cref="RecipeWorkspace"/>, where imports see unsaved
/// text), and the workspace folders. Edits arrive in order: the host dispatches one notification at a time.
/// </summary>
public sealed class DocumentStore(RecipeWorkspace workspace)
{
    private readonly ConcurrentDictionary<string, string> _pathsByUri = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _urisByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    public RecipeWorkspace Workspace { get; } = workspace;

    public WorkspaceChange Open(TextDocumentItem item)
    {
        var path = Conversions.ToPath(item.Uri);
        var full = Workspace.FullPath(path);
        _pathsByUri[item.Uri] = full;
        _urisByPath[full] = item.Uri;
        return Workspace.SetDocument(path, SourceText.ForEditing(item.Text, path), item.Version);
    }

    /// <summary>
    /// Applies a client's edits, in order, to the open document. Null for a document never opened, and for a
    /// version not newer than the one held (a reordered or repeated message must not roll the text back).
    /// </summary>
    public WorkspaceChange? Change(VersionedTextDocumentIdentifier identifier, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        if (Get(identifier.Uri) is not { } document || identifier.Version <= document.Version)
        {
            return null;
        }
        var text = document.Text;
        foreach (var change in changes)
        {
            text = change.Range is null
                ? SourceText.ForEditing(change.Text, text.Path)
                : text.WithChanges([new TextChange(text.ToSpan(change.Range), change.Text)]);
        }
        return Workspace.SetDocument(text.Path, text, identifier.Version);
    }

    public WorkspaceChange? Close(string uri)
    {
        if (!_pathsByUri.TryRemove(uri, out var full))
        {
            return null;
        }
        _urisByPath.TryRemove(full, out _);
        return Workspace.RemoveOverlay(full);
    }

    /// <summary>The open document behind a URI in the latest snapshot.</summary>
    public DocumentSnapshot? Get(string uri) =>
        _pathsByUri.TryGetValue(uri, out var full) ? Workspace.Current.Open.GetValueOrDefault(full) : null;

    /// <summary>The URI the client opened a file under (the file's own URI for a file it did not open).</summary>
    public string UriOf(string fullPath) => _urisByPath.TryGetValue(fullPath, out var uri) ? uri : Conversions.ToUri(fullPath);

    /// <summary>The workspace folders (paths) whose recipe files references and rename search besides the open documents.</summary>
    public IEnumerable<string> Folders => _folders.Keys;

    public void AddFolder(string path) => _folders[path] = 0;

    public void RemoveFolder(string path) => _folders.TryRemove(path, out _);

    /// <summary>
    /// The open documents and every other <c>.recipe</c> file under the workspace folders: a rename in a library
    /// must reach the recipes that import it even when they are not open.
    /// </summary>
    public IEnumerable<DocumentAnalysis> AnalyzeWorkspace()
    {
        var snapshot = Workspace.Current;
        var fileSystem = Workspace.FileSystem;
        var files = _folders.Keys.Where(fileSystem.Directory.Exists)
            .SelectMany(folder => fileSystem.Directory.EnumerateFiles(folder, "*.recipe", SearchOption.AllDirectories))
            .Select(Workspace.FullPath)
            .Concat(snapshot.Open.Keys)
            .Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (snapshot.Analyze(file) is { } analysis)
            {
                yield return analysis;
            }
        }
    }

    /// <summary>The analysis of any file, open or on disk, or null when it does not exist.</summary>
    public DocumentAnalysis? AnalyzePath(string path) => Workspace.Current.Analyze(path);
}
