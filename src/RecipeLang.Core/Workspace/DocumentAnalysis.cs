using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    private readonly Lazy<BoundFile> _bound;
    private DiagnosticIndex? _index;

    // What the next version's analysis reuses: the recipes bound unit by unit, and the recipes imports made visible.
    private readonly BoundUnits _units;
    private readonly IReadOnlyDictionary<string, RecipeSymbol> _imported;

    // Recipes bound one by one for a feature (RecipesIn), by unit index; made on first use (the CLI never asks).
    private ConcurrentDictionary<int, BoundRecipe>? _boundAlone;

    private DocumentAnalysis(DocumentSnapshot document, Lazy<BoundFile> bound, BoundUnits units, IReadOnlyDictionary<string, RecipeSymbol> imported, RecipeCatalog catalog, SiteConfig site, IReadOnlyList<ConfigError> configErrors, ImmutableArray<Diagnostic> diagnostics, DiagnosticCounts hidden, ImmutableArray<(string, DocumentSnapshot?)> inputs, WorkspaceSnapshot snapshot)
    {
        Hidden = hidden;
        Document = document;
        _bound = bound;
        _units = units;
        _imported = imported;
        Catalog = catalog;
        Site = site;
        ConfigErrors = configErrors;
        Diagnostics = diagnostics;
        _inputs = inputs;
        _configGeneration = snapshot.ConfigGeneration;
        Generation = snapshot.Generation;
        Dependencies = inputs.IsEmpty ? NoDependencies : inputs.Select(i => i.Item1).ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static readonly ImmutableHashSet<string> NoDependencies = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>The document analysed (text and version).</summary>
    public DocumentSnapshot Document { get; }

    public SyntaxTree Tree => Document.Tree;

    public SourceText Source => Document.Text;

    /// <summary>The bound recipes. After an incremental analysis that reused recipes, bound on first use (diagnostics do not need it).</summary>
    public BoundFile Bound => _bound.Value;

    public ImmutableArray<BoundRecipe> Recipes => Bound.Recipes;

    /// <summary>The file's <c>let</c> constants, bound (without binding any recipe).</summary>
    public IReadOnlyDictionary<string, BoundValue> Constants => _units.Constants;

    /// <summary>The recipes the file can <c>use</c>: its own and the imported ones (without binding any recipe).</summary>
    public IReadOnlyDictionary<string, RecipeSymbol> Scope => _units.Scope;

    /// <summary>
    /// The bound recipes whose text touches the span, in the order of <see cref="Recipes"/> (the file's bare steps
    /// are one, first, when one of them touches it). When the analysis kept no bound recipes (a large file's edit, a
    /// diagnostics-only workspace) each is bound alone, once: a hover or a screen of inlay hints binds what it shows,
    /// not the file.
    /// </summary>
    public IReadOnlyList<BoundRecipe> RecipesIn(TextSpan span)
    {
        static bool Touches(StatementSyntax statement, TextSpan span) => statement.Span.End >= span.Start && statement.Span.Start <= span.End;
        var statements = Tree.Root.Statements;
        var units = _units.Units;
        var hasBare = units.Length > 0 && ReferenceEquals(units[0].Key, Binder.BareStepsKey);
        var found = new List<BoundRecipe>();
        var unit = hasBare ? 1 : 0;
        var bareTouched = false;
        for (var i = 0; i < statements.Length; i++)
        {
            if (statements[i] is RecipeSyntax { Name.IsMissing: false })
            {
                if (Touches(statements[i], span))
                {
                    found.Add(UnitRecipe(unit, i));
                }
                unit++;
            }
            else if (hasBare && !bareTouched && Binder.IsBareStep(statements[i]) && Touches(statements[i], span))
            {
                bareTouched = true;
            }
        }
        if (bareTouched)
        {
            found.Insert(0, UnitRecipe(0, -1));
        }
        return found;
    }

    private BoundRecipe UnitRecipe(int unit, int statementIndex) =>
        _bound.IsValueCreated ? _bound.Value.Recipes[unit]
        : _units.Units[unit].Recipe ?? LazyInitializer.EnsureInitialized(ref _boundAlone).GetOrAdd(unit, _ => Binder.BindOne(Tree, Catalog, _units, statementIndex));

    /// <summary>The catalog with the site's extra materials, reagents and equipment profile.</summary>
    public RecipeCatalog Catalog { get; }

    public SiteConfig Site { get; }

    /// <summary>Problems in the recipelang.json that applies to this file (then the defaults are used).</summary>
    public IReadOnlyList<ConfigError> ConfigErrors { get; }

    /// <summary>Sorted by start offset.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The diagnostics past the per-file limit, left out of <see cref="Diagnostics"/>, which ends with one notice (RL0011) counting them.</summary>
    public DiagnosticCounts Hidden { get; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Full paths of the files this analysis read through imports, transitively, including imports that were missing.</summary>
    public ImmutableHashSet<string> Dependencies { get; }

    /// <summary>
    /// The same files with what was read from each: its document, or null for an import that was missing or could not
    /// be read. A cache keyed on this analysis's inputs compares them (the CLI's dry-run manifest).
    /// </summary>
    public ImmutableArray<(string Path, DocumentSnapshot? Document)> FilesRead => _inputs;

    /// <summary>How many recipes (and bare step lists) this analysis bound and checked; the others were reused from the previous version's.</summary>
    internal int RecipesBound => _units.Units.Count(u => u.Recipe is not null);

    /// <summary>The workspace generation this analysis was made in.</summary>
    public long Generation { get; }

    /// <summary>The diagnostics whose span touches the range, found through an index (a code action on a huge file stays fast).</summary>
    public IEnumerable<Diagnostic> DiagnosticsIn(TextSpan span) => (_index ??= new DiagnosticIndex(Diagnostics)).Touching(span);

    /// <summary>True when every file this analysis read is still the same in the snapshot, and so are the site configs.</summary>
    public bool IsCurrentIn(WorkspaceSnapshot snapshot) =>
        _configGeneration == snapshot.ConfigGeneration && _inputs.All(i => ReferenceEquals(snapshot.GetDocument(i.Path), i.Document));

    /// <summary>
    /// Analyses a document. With the analysis of an earlier version of it (<paramref name="previous"/>), recipes
    /// whose top-level item the incremental parser reused and whose lookups (used recipes, through imports too),
    /// constants, catalog and site are unchanged are not bound or checked again: their diagnostics are moved to
    /// where their text now is. The result equals a full analysis (property tests compare the two).
    /// </summary>
    internal static DocumentAnalysis Create(RecipeWorkspace workspace, WorkspaceSnapshot snapshot, DocumentSnapshot document, DocumentAnalysis? previous = null, CancellationToken cancellationToken = default)
    {
        var tree = document.Tree;
        var (site, configErrors) = document.Text.Path.Length == 0 ? workspace.SiteConfigFor("") : workspace.SiteConfigForFullPath(document.FullPath);
        var catalog = site.Catalog;
        var importDiagnostics = new List<Diagnostic>();
        var inputs = ImmutableArray.CreateBuilder<(string, DocumentSnapshot?)>(0); // most files import nothing
        var imported = ResolveImports(workspace, snapshot, document, catalog, importDiagnostics, inputs);
        var reuse = previous is not null && ReferenceEquals(previous.Catalog, catalog) && ReferenceEquals(previous.Site, site)
            && previous.Source.Path == tree.Source.Path && SameSymbols(previous._imported, imported)
            ? UnitReuse.Create(previous.Tree, previous._units, tree)
            : null;
        // Each recipe is checked as soon as it is bound; a caller that wants only diagnostics drops its bound model
        // then, so a large file's bound recipes never all live at once.
        var fresh = workspace.KeepsBoundRecipes;
        var units = Binder.BindUnits(tree, catalog, imported, reuse is null ? null : reuse.TryReuse, cancellationToken, unit =>
        {
            fresh &= unit.Recipe is not null;
            return unit.Recipe is null ? unit : unit with
            {
                RuleDiagnostics = Checker.CheckRecipe(unit.Recipe, catalog, tree.Source),
                Recipe = workspace.KeepsBoundRecipes ? unit.Recipe : null,
            };
        });
        var bound = fresh ? new Lazy<BoundFile>(units.ToBoundFile(tree)) : BindOnFirstUse(tree, catalog, imported);
        var fileRules = Checker.CheckFile(fresh ? bound.Value : units.WithoutRecipes(tree), bound, catalog);
        // The order of a whole-file check: recipe rules recipe by recipe, file rules, then the binder's diagnostics; then all sorted.
        var count = tree.Diagnostics.Length + importDiagnostics.Count + fileRules.Length + units.Leading.Length;
        foreach (var unit in units.Units)
        {
            count += unit.RuleDiagnostics.Length + unit.Diagnostics.Length;
        }
        var found = new List<Diagnostic>(count);
        found.AddRange(tree.Diagnostics.AsSpan());
        Checker.AddConfigured(found, CollectionsMarshal.AsSpan(importDiagnostics), site);
        foreach (var unit in units.Units)
        {
            Checker.AddConfigured(found, unit.RuleDiagnostics.AsSpan(), site);
        }
        Checker.AddConfigured(found, fileRules.AsSpan(), site);
        Checker.AddConfigured(found, units.Leading.AsSpan(), site);
        foreach (var unit in units.Units)
        {
            Checker.AddConfigured(found, unit.Diagnostics.AsSpan(), site);
        }
        DiagnosticOrder.Sort(found);
        var (diagnostics, hidden) = Limit(Suppressor.Apply(tree, found, site).ToImmutableArray(), workspace.MaxDiagnosticsPerFile ?? site.MaxDiagnosticsPerFile, tree.Source);
        return new DocumentAnalysis(document, bound, units, imported, catalog, site, configErrors, diagnostics, hidden, inputs.ToImmutable(), snapshot);
    }

    /// <summary>The whole file bound again when a feature asks for its recipes (some were reused, so none is at hand).</summary>
    private static Lazy<BoundFile> BindOnFirstUse(SyntaxTree tree, RecipeCatalog catalog, IReadOnlyDictionary<string, RecipeSymbol> imported) =>
        new(() => Binder.Bind(tree, catalog, imported), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The first <paramref name="max"/> diagnostics and one that counts the rest, as severe as the worst of them (so an
    /// error past the limit still fails the check): a file of 20,000 nested '(' has 60,000, and no reader or editor is
    /// helped by more than the first screens of them.
    /// </summary>
    private static (ImmutableArray<Diagnostic> Shown, DiagnosticCounts Hidden) Limit(ImmutableArray<Diagnostic> diagnostics, int max, SourceText source)
    {
        if (max <= 0 || diagnostics.Length <= max)
        {
            return (diagnostics, default);
        }
        var hidden = diagnostics[max..];
        var counts = string.Join(", ", hidden.GroupBy(d => d.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count().ToString("N0", CultureInfo.InvariantCulture)} {g.Key.ToText()}{(g.Count() == 1 ? "" : "s")}"));
        var notice = Descriptors.TooManyDiagnostics.Create(source, hidden[0].Span, hidden.Length.ToString("N0", CultureInfo.InvariantCulture), counts,
            max.ToString("N0", CultureInfo.InvariantCulture)) with { Severity = hidden.Max(d => d.Severity) };
        return ([.. diagnostics.AsSpan(0, max), notice], DiagnosticCounts.Of(hidden));
    }

    private static bool SameSymbols(IReadOnlyDictionary<string, RecipeSymbol> a, IReadOnlyDictionary<string, RecipeSymbol> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && ReferenceEquals(pair.Value, other));

    /// <summary>
    /// Decides whether a recipe's binding from the previous version still holds, and moves its diagnostics. Offsets
    /// move with the top-level item that holds them (found by the item's key, which the incremental parser keeps);
    /// an offset in an item parsed again cannot move, and the recipe is bound again.
    /// </summary>
    private sealed class UnitReuse
    {
        private readonly SyntaxTree _old;
        private readonly SyntaxTree _new;
        private readonly ImmutableArray<BoundUnit> _units;
        private readonly bool _bareStepsSame;

        // The binder asks for units in the order of the items, which is the old units' order but where the edit added or
        // removed some: the next few old units are tried first. A key found there is the common case; one missed once
        // is most often an item the edit made (found nowhere); a table by key is made on a second miss in a row.
        private const int LookAhead = 8;
        private int _next;
        private int _misses;
        private Dictionary<object, int>? _indexByKey;
        private readonly Lazy<bool> _recipeNamesSame;
        private readonly Lazy<Dictionary<object, int>> _newStarts;

        private UnitReuse(SyntaxTree old, SyntaxTree @new, ImmutableArray<BoundUnit> units, bool bareStepsSame)
        {
            _old = old;
            _new = @new;
            _units = units;
            _bareStepsSame = bareStepsSame;
            _recipeNamesSame = new Lazy<bool>(() => RecipeNames(old).SequenceEqual(RecipeNames(@new), StringComparer.Ordinal), LazyThreadSafetyMode.None);
            // Where each item of the new tree starts, by key: needed only to move diagnostics.
            _newStarts = new Lazy<Dictionary<object, int>>(() =>
            {
                var starts = new Dictionary<object, int>(@new.Items.Length, ReferenceEqualityComparer.Instance);
                foreach (var item in @new.Items)
                {
                    starts[item.Id] = item.FullStart;
                }
                return starts;
            }, LazyThreadSafetyMode.None);
        }

        private static IEnumerable<string> RecipeNames(SyntaxTree tree) => tree.Root.Recipes.Where(r => !r.Name.IsMissing).Select(r => r.NameText);

        /// <summary>Null when nothing can be reused: the file's constants (its lets) changed, which any recipe may read.</summary>
        public static UnitReuse? Create(SyntaxTree old, BoundUnits units, SyntaxTree @new)
        {
            if (!ItemKeys(old, s => s is LetSyntax).SequenceEqual(ItemKeys(@new, s => s is LetSyntax)))
            {
                return null;
            }
            static bool IsBareStep(StatementSyntax s) => s is not RecipeSyntax and not LetSyntax and not ImportSyntax and not ErrorStatementSyntax;
            var bareStepsSame = ItemKeys(old, IsBareStep).SequenceEqual(ItemKeys(@new, IsBareStep));
            return new UnitReuse(old, @new, units.Units, bareStepsSame);
        }

        private bool TryFind(object key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BoundUnit? unit)
        {
            for (var i = _next; i < Math.Min(_units.Length, _next + LookAhead); i++)
            {
                if (ReferenceEquals(_units[i].Key, key))
                {
                    (_next, _misses, unit) = (i + 1, 0, _units[i]);
                    return true;
                }
            }
            if (_indexByKey is null && ++_misses < 2)
            {
                unit = null;
                return false;
            }
            if (_indexByKey is null)
            {
                _indexByKey = new Dictionary<object, int>(_units.Length, ReferenceEqualityComparer.Instance);
                for (var i = 0; i < _units.Length; i++)
                {
                    _indexByKey[_units[i].Key] = i;
                }
            }
            if (_indexByKey.TryGetValue(key, out var index))
            {
                (_next, _misses, unit) = (index + 1, 0, _units[index]);
                return true;
            }
            unit = null;
            return false;
        }

        private static List<object> ItemKeys(SyntaxTree tree, Func<StatementSyntax, bool> which)
        {
            var keys = new List<object>();
            var statements = tree.Root.Statements;
            for (var i = 0; i < statements.Length; i++)
            {
                if (which(statements[i]))
                {
                    keys.Add(tree.Items[i].Id);
                }
            }
            return keys;
        }

        public BoundUnit? TryReuse(object key, Func<string, object?> resolve)
        {
            if ((key == Binder.BareStepsKey && !_bareStepsSame) || !TryFind(key, out var unit) || (unit.ReadsScopeNames && !_recipeNamesSame.Value))
            {
                return null;
            }
            foreach (var (name, resolved) in unit.Lookups)
            {
                if (!ReferenceEquals(resolve(name), resolved))
                {
                    return null;
                }
            }
            if (unit.Diagnostics.IsEmpty && unit.RuleDiagnostics.IsEmpty)
            {
                return unit.Recipe is null ? unit : unit with { Recipe = null };
            }
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(unit.Diagnostics.Length);
            var rules = ImmutableArray.CreateBuilder<Diagnostic>(unit.RuleDiagnostics.Length);
            foreach (var (from, to) in new[] { (unit.Diagnostics, diagnostics), (unit.RuleDiagnostics, rules) })
            {
                foreach (var diagnostic in from)
                {
                    if (Move(diagnostic) is not { } moved)
                    {
                        return null;
                    }
                    to.Add(moved);
                }
            }
            return unit with { Recipe = null, Diagnostics = diagnostics.MoveToImmutable(), RuleDiagnostics = rules.MoveToImmutable() };
        }

        private Diagnostic? Move(Diagnostic diagnostic)
        {
            var failed = false;
            // A message may name a line ("step 2 (anneal, line 4)"): such a diagnostic moves only within its line.
            var namesLine = diagnostic.Message.Contains("line", StringComparison.Ordinal) || diagnostic.Related.Any(r => r.Message.Contains("line", StringComparison.Ordinal));
            int MoveOffset(int offset)
            {
                var moved = MoveOffsetOrMinus(offset);
                if (moved < 0 || (namesLine && _old.Source.GetPosition(offset).Line != _new.Source.GetPosition(moved).Line))
                {
                    failed = true;
                    return 0;
                }
                return moved;
            }
            var result = diagnostic.Moved(MoveOffset, _new.Source);
            return failed ? null : result;
        }

        private int MoveOffsetOrMinus(int offset)
        {
            var items = _old.Items;
            var found = Syntax.IncrementalParser.LastStartingAtOrBefore(items, offset);
            return found >= 0 && _newStarts.Value.TryGetValue(items[found].Id, out var start) ? offset - items[found].FullStart + start : -1;
        }
    }

    private static readonly IReadOnlyDictionary<string, RecipeSymbol> NoImports = FrozenDictionary<string, RecipeSymbol>.Empty;

    /// <summary>Recipes visible through imports, transitively; a missing file or a cycle is reported at the import.</summary>
    private static IReadOnlyDictionary<string, RecipeSymbol> ResolveImports(RecipeWorkspace workspace, WorkspaceSnapshot snapshot, DocumentSnapshot document, RecipeCatalog catalog, List<Diagnostic> diagnostics, ImmutableArray<(string, DocumentSnapshot?)>.Builder inputs)
    {
        var tree = document.Tree;
        if (!tree.Root.Statements.Any(s => s is ImportSyntax))
        {
            return NoImports;
        }
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
