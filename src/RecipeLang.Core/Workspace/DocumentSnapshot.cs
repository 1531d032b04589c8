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
        // Only a version whose tree is parsed helps the incremental parse (an editor may send versions faster than they
        // are parsed); skipping the others here keeps the chain one long. Kept as given, the versions of a buffer that is never parsed (one over the language server's size
        // limit) held every older version's text alive: 10 MB more for each edit of a 5 MB file.
        while (previous is { _tree.IsValueCreated: false })
        {
            previous = previous._previous;
        }
        _previous = previous;
        _tree = new Lazy<SyntaxTree>(ParseTree, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private SyntaxTree ParseTree()
    {
        var tree = Parser.Parse(Text, _previous?.Tree);
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
