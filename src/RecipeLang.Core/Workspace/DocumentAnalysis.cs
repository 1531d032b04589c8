using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>Everything known about one file after analysis: its tree and all its diagnostics, sorted by position.</summary>
public sealed class DocumentAnalysis
{
    private DocumentAnalysis(SyntaxTree tree, ImmutableArray<Diagnostic> diagnostics)
    {
        Tree = tree;
        Diagnostics = diagnostics;
    }

    public SyntaxTree Tree { get; }

    public SourceText Source => Tree.Source;

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    internal static DocumentAnalysis Create(RecipeWorkspace workspace, SourceText text)
    {
        var tree = Parser.Parse(text);
        return new DocumentAnalysis(tree, tree.Diagnostics);
    }
}
