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

    /// <summary>Every open document's analysis (for references and rename across files).</summary>
    public IEnumerable<DocumentAnalysis> AnalyzeAll() => _documents.Values.Select(Analyze);

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
