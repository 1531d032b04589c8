using System.Collections.Concurrent;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>An open editor buffer: its text and the version the client gave it.</summary>
public sealed record OpenDocument(string Uri, string Path, SourceText Text, int Version);

/// <summary>
/// The open documents, kept in step with the client's edits, and the workspace that analyses them (open buffers
/// shadow the disk, so imports see unsaved text). Edits arrive in order (the host dispatches one message at a time).
/// </summary>
public sealed class DocumentStore(RecipeWorkspace workspace)
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Uri, int Version), Lazy<DocumentAnalysis>> _analyses = new();
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    public RecipeWorkspace Workspace { get; } = workspace;

    public IEnumerable<OpenDocument> All => _documents.Values;

    public OpenDocument Open(TextDocumentItem item)
    {
        var path = Conversions.ToPath(item.Uri);
        var document = new OpenDocument(item.Uri, path, new SourceText(item.Text, path), item.Version);
        _documents[item.Uri] = document;
        Workspace.SetOverlay(path, item.Text);
        return document;
    }

    public OpenDocument? Change(VersionedTextDocumentIdentifier identifier, IEnumerable<TextDocumentContentChangeEvent> changes)
    {
        if (!_documents.TryGetValue(identifier.Uri, out var document))
        {
            return null; // a change for a document never opened: ignored, as the spec allows
        }
        var text = document.Text;
        foreach (var change in changes)
        {
            text = change.Range is null
                ? new SourceText(change.Text, document.Path)
                : text.WithChanges([new TextChange(text.ToSpan(change.Range), change.Text)]);
        }
        var changed = document with { Text = text, Version = identifier.Version };
        _documents[identifier.Uri] = changed;
        Workspace.SetOverlay(document.Path, text.Text);
        ForgetOlderThan(identifier.Uri, identifier.Version);
        return changed;
    }

    public void Close(string uri)
    {
        if (_documents.TryRemove(uri, out var document))
        {
            Workspace.RemoveOverlay(document.Path);
            ForgetOlderThan(uri, int.MaxValue);
        }
    }

    public OpenDocument? Get(string uri) => _documents.GetValueOrDefault(uri);

    /// <summary>The analysis of a document version, computed once however many requests ask for it.</summary>
    public DocumentAnalysis Analyze(OpenDocument document) =>
        _analyses.GetOrAdd((document.Uri, document.Version), _ => new Lazy<DocumentAnalysis>(() => Workspace.Analyze(document.Text))).Value;

    /// <summary>The workspace folders (paths) whose recipe files references and rename search besides the open documents.</summary>
    public IEnumerable<string> Folders => _folders.Keys;

    public void AddFolder(string path) => _folders[path] = 0;

    public void RemoveFolder(string path) => _folders.TryRemove(path, out _);

    /// <summary>
    /// The open documents and every other <c>.recipe</c> file under the workspace folders, read from disk: a
    /// rename in a library must reach the recipes that import it even when they are not open.
    /// </summary>
    public IEnumerable<DocumentAnalysis> AnalyzeWorkspace()
    {
        var open = _documents.Values.ToList();
        foreach (var document in open)
        {
            yield return Analyze(document);
        }
        var openPaths = open.Select(d => Workspace.FullPath(d.Path)).ToHashSet(StringComparer.Ordinal);
        var fileSystem = Workspace.FileSystem;
        var files = _folders.Keys.Where(fileSystem.Directory.Exists)
            .SelectMany(folder => fileSystem.Directory.EnumerateFiles(folder, "*.recipe", SearchOption.AllDirectories))
            .Select(Workspace.FullPath)
            .Distinct(StringComparer.Ordinal)
            .Where(path => !openPaths.Contains(path));
        foreach (var file in files)
        {
            if (Workspace.TryGetText(file) is { } text)
            {
                yield return Workspace.Analyze(text);
            }
        }
    }

    /// <summary>Analyses a file that is not open (an imported file) from disk, or null when it does not exist.</summary>
    public DocumentAnalysis? AnalyzePath(string path)
    {
        var open = _documents.Values.FirstOrDefault(d => d.Path == path);
        if (open is not null)
        {
            return Analyze(open);
        }
        return Workspace.TryGetText(path) is { } text ? Workspace.Analyze(text) : null;
    }

    /// <summary>Drops every cached analysis: another file (an import, a recipelang.json) changed under them.</summary>
    public void InvalidateAll() => _analyses.Clear();

    private void ForgetOlderThan(string uri, int version)
    {
        foreach (var key in _analyses.Keys.Where(k => k.Uri == uri && k.Version < version))
        {
            _analyses.TryRemove(key, out _);
        }
    }
}
