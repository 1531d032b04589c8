using System.Collections.Immutable;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Checking;
using RecipeLang.Configuration;
using RecipeLang.Diagnostics;
using RecipeLang.Suppressions;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// Everything known about one file after analysis: text → tree → bound recipes (imports resolved, <c>use</c>
/// expanded) → rule diagnostics with the site's severities. Immutable; every front end reads this. It records the
/// files it read, so the workspace knows when it is stale and whom a change affects.
/// </summary>
public sealed class DocumentAnalysis
{
    private readonly ImmutableArray<(string Path, DocumentSnapshot? Document)> _inputs;
    private readonly long _configGeneration;
    private DiagnosticIndex? _index;

    private DocumentAnalysis(DocumentSnapshot document, BoundFile bound, RecipeCatalog catalog, SiteConfig site, IReadOnlyList<ConfigError> configErrors, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<(string, DocumentSnapshot?)> inputs, WorkspaceSnapshot snapshot)
    {
        Document = document;
        Bound = bound;
        Catalog = catalog;
        Site = site;
        ConfigErrors = configErrors;
        Diagnostics = diagnostics;
        _inputs = inputs;
        _configGeneration = snapshot.ConfigGeneration;
        Generation = snapshot.Generation;
        Dependencies = inputs.Select(i => i.Item1).ToImmutableHashSet(StringComparer.Ordinal);
    }

    /// <summary>The document analysed (text and version).</summary>
    public DocumentSnapshot Document { get; }

    public SyntaxTree Tree => Document.Tree;

    public SourceText Source => Document.Text;

    public BoundFile Bound { get; }

    public ImmutableArray<BoundRecipe> Recipes => Bound.Recipes;

    /// <summary>The catalog with the site's extra materials, reagents and equipment profile.</summary>
    public RecipeCatalog Catalog { get; }

    public SiteConfig Site { get; }

    /// <summary>Problems in the recipelang.json that applies to this file (then the defaults are used).</summary>
    public IReadOnlyList<ConfigError> ConfigErrors { get; }

    /// <summary>Sorted by start offset.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Full paths of the files this analysis read through imports, transitively, including imports that were missing.</summary>
    public ImmutableHashSet<string> Dependencies { get; }

    /// <summary>The workspace generation this analysis was made in.</summary>
    public long Generation { get; }

    /// <summary>The diagnostics whose span touches the range, found through an index (a code action on a huge file stays fast).</summary>
    public IEnumerable<Diagnostic> DiagnosticsIn(TextSpan span) => (_index ??= new DiagnosticIndex(Diagnostics)).Touching(span);

    /// <summary>True when every file this analysis read is still the same in the snapshot, and so are the site configs.</summary>
    public bool IsCurrentIn(WorkspaceSnapshot snapshot) =>
        _configGeneration == snapshot.ConfigGeneration && _inputs.All(i => ReferenceEquals(snapshot.GetDocument(i.Path), i.Document));

    internal static DocumentAnalysis Create(RecipeWorkspace workspace, WorkspaceSnapshot snapshot, DocumentSnapshot document)
    {
        var tree = document.Tree;
        var (site, configErrors) = workspace.SiteConfigFor(document.Text.Path);
        var catalog = site.Catalog;
        var importDiagnostics = new List<Diagnostic>();
        var inputs = ImmutableArray.CreateBuilder<(string, DocumentSnapshot?)>();
        var imported = ResolveImports(workspace, snapshot, document, catalog, importDiagnostics, inputs);
        var bound = Binder.Bind(tree, catalog, imported);
        var found = tree.Diagnostics
            .Concat(Checker.Configure(importDiagnostics, site))
            .Concat(Checker.Check(bound, catalog, site))
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var diagnostics = Suppressor.Apply(tree, found, site).ToImmutableArray();
        return new DocumentAnalysis(document, bound, catalog, site, configErrors, diagnostics, inputs.ToImmutable(), snapshot);
    }

    /// <summary>Recipes visible through imports, transitively; a missing file or a cycle is reported at the import.</summary>
    private static Dictionary<string, RecipeSymbol> ResolveImports(RecipeWorkspace workspace, WorkspaceSnapshot snapshot, DocumentSnapshot document, RecipeCatalog catalog, List<Diagnostic> diagnostics, ImmutableArray<(string, DocumentSnapshot?)>.Builder inputs)
    {
        var tree = document.Tree;
        var scope = new Dictionary<string, RecipeSymbol>(StringComparer.Ordinal);
        var root = document.FullPath;
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        Visit(tree, root, [root], null);
        return scope;

        void Visit(SyntaxTree file, string fullPath, List<string> chain, ImportSyntax? rootImport)
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
                var directory = workspace.FileSystem.Path.GetDirectoryName(fullPath) ?? "";
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
                DocumentSnapshot? importedDocument;
                string? unreadable = null;
                try
                {
                    importedDocument = snapshot.GetDocument(target);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    importedDocument = null;
                    unreadable = $"{target}, which cannot be read: {e.Message}";
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException)
                {
                    // A path the file system refuses to resolve (a malformed network path, say) names no file.
                    importedDocument = null;
                    unreadable = $"{target}, which is not a valid path here: {e.Message}";
                }
                inputs.Add((target, importedDocument));
                if (importedDocument is null)
                {
                    if (rootImport is null)
                    {
                        diagnostics.Add(Descriptors.ImportNotFound.Create(tree.Source, import.Path.Span, relative, unreadable ?? target));
                    }
                    continue;
                }
                foreach (var symbol in importedDocument.ExportsFor(catalog))
                {
                    scope.TryAdd(symbol.Name, symbol);
                }
                // A cycle that leads back to this file is reported at the import that starts it.
                Visit(importedDocument.Tree, target, [.. chain, target], reportAt);
            }
        }
    }
}
