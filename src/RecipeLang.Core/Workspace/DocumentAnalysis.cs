using System.Collections.Immutable;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Checking;
using RecipeLang.Configuration;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// Everything known about one file after analysis: text → tree → bound recipes (imports resolved, <c>use</c>
/// expanded) → rule diagnostics with the site's severities. Immutable; every front end reads this.
/// </summary>
public sealed class DocumentAnalysis
{
    private DocumentAnalysis(SyntaxTree tree, BoundFile bound, RecipeCatalog catalog, SiteConfig site, IReadOnlyList<ConfigError> configErrors, ImmutableArray<Diagnostic> diagnostics)
    {
        Tree = tree;
        Bound = bound;
        Catalog = catalog;
        Site = site;
        ConfigErrors = configErrors;
        Diagnostics = diagnostics;
    }

    public SyntaxTree Tree { get; }

    public SourceText Source => Tree.Source;

    public BoundFile Bound { get; }

    public ImmutableArray<BoundRecipe> Recipes => Bound.Recipes;

    /// <summary>The catalog with the site's extra materials, reagents and equipment profile.</summary>
    public RecipeCatalog Catalog { get; }

    public SiteConfig Site { get; }

    /// <summary>Problems in the recipelang.json that applies to this file (then the defaults are used).</summary>
    public IReadOnlyList<ConfigError> ConfigErrors { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    internal static DocumentAnalysis Create(RecipeWorkspace workspace, SourceText text)
    {
        var tree = Parser.Parse(text);
        var (site, configErrors) = workspace.SiteConfigFor(text.Path);
        var catalog = site == SiteConfig.Default ? RecipeCatalog.Default : RecipeCatalog.Default.With(site);
        var importDiagnostics = new List<Diagnostic>();
        var imported = ResolveImports(workspace, tree, catalog, importDiagnostics);
        var bound = Binder.Bind(tree, catalog, imported);
        var diagnostics = tree.Diagnostics
            .Concat(Checker.Configure(importDiagnostics, site))
            .Concat(Checker.Check(bound, catalog, site))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        return new DocumentAnalysis(tree, bound, catalog, site, configErrors, diagnostics);
    }

    /// <summary>Recipes visible through imports, transitively; a missing file or a cycle is reported at the import.</summary>
    private static Dictionary<string, RecipeSymbol> ResolveImports(RecipeWorkspace workspace, SyntaxTree tree, RecipeCatalog catalog, List<Diagnostic> diagnostics)
    {
        var scope = new Dictionary<string, RecipeSymbol>(StringComparer.Ordinal);
        var root = workspace.FullPath(tree.Path);
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        Visit(tree, [root], null);
        return scope;

        void Visit(SyntaxTree file, List<string> chain, ImportSyntax? rootImport)
        {
            foreach (var import in file.Root.Statements.OfType<ImportSyntax>())
            {
                if (import.Path.IsMissing || import.Path.Kind != TokenKind.String)
                {
                    continue;
                }
                var relative = StringSyntax.Unquote(import.Path.Text);
                var reportAt = rootImport ?? import;
                if (relative.Any(char.IsControl))
                {
                    // No file system accepts a NUL or another control character in a path; Path APIs would throw.
                    if (rootImport is null)
                    {
                        diagnostics.Add(Descriptors.ImportNotFound.Create(tree.Source, import.Path.Span, relative, "no file: the path holds a control character"));
                    }
                    continue;
                }
                var directory = workspace.FileSystem.Path.GetDirectoryName(workspace.FullPath(file.Path)) ?? "";
                var target = workspace.FullPath(workspace.FileSystem.Path.Combine(directory, relative));
                if (chain.Contains(target))
                {
                    if (chain[0] == target || rootImport is null)
                    {
                        diagnostics.Add(Descriptors.ImportCycle.Create(tree.Source, reportAt.Path.Span, StringSyntax.Unquote(reportAt.Path.Text), string.Join(" → ", chain.Append(target).Select(workspace.FileSystem.Path.GetFileName))));
                    }
                    continue;
                }
                if (!visited.Add(target))
                {
                    continue;
                }
                SourceText? text;
                string? unreadable = null;
                try
                {
                    text = workspace.TryGetText(target);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    text = null;
                    unreadable = $"{target}, which cannot be read: {e.Message}";
                }
                if (text is null)
                {
                    if (rootImport is null)
                    {
                        diagnostics.Add(Descriptors.ImportNotFound.Create(tree.Source, import.Path.Span, relative, unreadable ?? target));
                    }
                    continue;
                }
                var importedTree = Parser.Parse(text);
                foreach (var symbol in Binder.Exports(importedTree, catalog))
                {
                    scope.TryAdd(symbol.Name, symbol);
                }
                // A cycle that leads back to this file is reported at the import that starts it.
                Visit(importedTree, [.. chain, target], reportAt);
            }
        }
    }
}
