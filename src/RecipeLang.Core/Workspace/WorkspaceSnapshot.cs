using System.Collections.Immutable;

namespace RecipeLang.Workspace;

/// <summary>
/// The workspace at one moment: the open documents (which shadow the disk) and, through the workspace, the files
/// read from disk. Immutable: an edit makes a new snapshot, so an analysis running on an older one never sees a
/// half-applied change, and a reader (hover, completion) takes the latest without waiting for anyone.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly RecipeWorkspace _workspace;

    internal WorkspaceSnapshot(RecipeWorkspace workspace, ImmutableDictionary<string, DocumentSnapshot> open, long generation, long configGeneration)
    {
        _workspace = workspace;
        Open = open;
        Generation = generation;
        ConfigGeneration = configGeneration;
    }

    /// <summary>The open documents by full path.</summary>
    public ImmutableDictionary<string, DocumentSnapshot> Open { get; }

    /// <summary>Grows by one with every change to the workspace.</summary>
    public long Generation { get; }

    /// <summary>Grows when the site configs are re-read; an analysis made under older configs is stale.</summary>
    internal long ConfigGeneration { get; }

    /// <summary>The document at a path: the open buffer if there is one, else the disk's content (read once); null when neither has it.</summary>
    public DocumentSnapshot? GetDocument(string path)
    {
        var full = _workspace.FullPath(path);
        return Open.TryGetValue(full, out var open) ? open : _workspace.ReadFromDisk(full);
    }

    /// <summary>
    /// The analysis of a document in this snapshot: reused while none of the files it read (itself, its imports,
    /// transitively, and imports that were missing) changed, else computed again.
    /// </summary>
    /// <remarks>Cancelling the token stops the analysis between recipes (an <see cref="OperationCanceledException"/>).</remarks>
    public DocumentAnalysis? Analyze(string path, CancellationToken cancellationToken = default) =>
        GetDocument(path) is { } document ? _workspace.Analyze(this, document, cancellationToken) : null;

    /// <summary>The analysis of a document when one is ready and current, without computing anything.</summary>
    public DocumentAnalysis? TryGetAnalysis(string path) => GetDocument(path) is { } document ? _workspace.TryGetAnalysis(this, document) : null;
}
