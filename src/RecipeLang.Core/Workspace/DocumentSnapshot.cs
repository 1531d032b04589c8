using System.Collections.Immutable;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// One file's text at one version (an editor buffer, or the disk's content), immutable. Its tree is parsed once,
/// on first use, and what it exports to importers is bound once per catalog, so an importer never re-parses it.
/// </summary>
public sealed class DocumentSnapshot
{
    private readonly Lazy<SyntaxTree> _tree;
    private (RecipeCatalog Catalog, ImmutableArray<RecipeSymbol> Exports)? _exports;

    public DocumentSnapshot(string fullPath, SourceText text, int version)
    {
        FullPath = fullPath;
        Text = text;
        Version = version;
        _tree = new Lazy<SyntaxTree>(() => Parser.Parse(text), LazyThreadSafetyMode.ExecutionAndPublication);
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
