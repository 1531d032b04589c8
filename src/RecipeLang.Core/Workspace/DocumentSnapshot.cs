using System.Collections.Immutable;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// One file's text at one version (an editor buffer, or the disk's content), immutable. Its tree is parsed once,
/// on first use, and what it exports to importers is bound once per catalog, so an importer never re-parses it.
/// A new version of an editor buffer parses incrementally from the previous version's tree when that one was
/// parsed (only the top-level items the edit touches are parsed again).
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<SyntaxTree> _tree;
    private (RecipeCatalog Catalog, ImmutableArray<RecipeSymbol> Exports)? _exports;
    private DocumentSnapshot? _previous;

    public DocumentSnapshot(string fullPath, SourceText text, int version, DocumentSnapshot? previous = null)
    {
        FullPath = fullPath;
        Text = text;
        Version = version;
        _previous = previous;
        _tree = new Lazy<SyntaxTree>(ParseTree, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private SyntaxTree ParseTree()
    {
        // Versions an editor sent faster than they were parsed were skipped: start from the newest one parsed.
        var previous = _previous;
        while (previous is { _tree.IsValueCreated: false })
        {
            previous = previous._previous;
        }
        var tree = Parser.Parse(Text, previous?.Tree);
        _previous = null; // older versions are not kept alive by newer ones
        return tree;
    }

    /// <summary>The normalised path the workspace files this document under (<see cref="SourceText.Path"/> is as the user gave it).</summary>
    public string FullPath { get; }

    public SourceText Text { get; }

    /// <summary>The editor's version for an open buffer; 0 for a file read from disk.</summary>
    public int Version { get; }

    public SyntaxTree Tree => _tree.Value;

    /// <summary>The recipes this file offers to files that import it.</summary>
    public ImmutableArray<RecipeSymbol> ExportsFor(RecipeCatalog catalog)
    {
        if (_exports is { } cached && ReferenceEquals(cached.Catalog, catalog))
        {
            return cached.Exports;
        }
        var exports = Binder.Exports(Tree, catalog).ToImmutableArray();
        _exports = (catalog, exports);
        return exports;
    }
}
