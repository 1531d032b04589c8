using System.Collections.Frozen;
using System.Collections.Immutable;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Units;

namespace RecipeLang.Binding;

/// <summary>A recipe that <c>use</c> can name: where it is written and the constants of its file.</summary>
public sealed record RecipeSymbol(string Name, RecipeSyntax Syntax, SourceText Source, IReadOnlyDictionary<string, BoundValue> FileConstants)
{
    /// <summary>The key of the recipe's top-level item in its tree (<see cref="SyntaxItem.Id"/>), for the file being bound.</summary>
    internal object? ItemId { get; init; }
}

/// <summary>A file after binding: its recipes with expanded steps, the recipes it can see, and the binding diagnostics.</summary>
public sealed record BoundFile(
    SyntaxTree Tree,
    ImmutableArray<BoundRecipe> Recipes,
    IReadOnlyDictionary<string, RecipeSymbol> Scope,
    IReadOnlyDictionary<string, BoundValue> Constants,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Names of this file's <c>let</c> constants that some recipe, step or default reads.</summary>
    public IReadOnlySet<string> UsedConstants { get; init; } = new HashSet<string>();
}

/// <summary>
/// One recipe's binding (or the file's bare steps'): its diagnostics in the order the binder reports them, the
/// constants it used, the names it looked up with what they resolved to (and whether a message lists the names in
/// scope, as the suggestion for an unknown recipe does), and the rules' diagnostics once checked.
/// <see cref="Recipe"/> is null for a unit reused from an earlier version (its syntax moved; the analysis binds
/// the whole file again when a feature asks for the bound recipes).
/// </summary>
internal sealed record BoundUnit(
    object Key,
    BoundRecipe? Recipe,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlySet<string> UsedConstants,
    IReadOnlyDictionary<string, object?> Lookups,
    bool ReadsScopeNames,
    ImmutableArray<Diagnostic> RuleDiagnostics);

/// <summary>A file bound unit by unit, with the file-level diagnostics before the units (constants, duplicates) and the constants any unit read.</summary>
internal sealed record BoundUnits(
    ImmutableArray<BoundUnit> Units,
    ImmutableArray<Diagnostic> Leading,
    IReadOnlyDictionary<string, RecipeSymbol> Scope,
    IReadOnlyDictionary<string, BoundValue> Constants,
    IReadOnlySet<string> UsedConstants)
{
    /// <summary>The binder's diagnostics in the order a whole-file bind reports them.</summary>
    public ImmutableArray<Diagnostic> Diagnostics
    {
        get
        {
            var count = Leading.Length;
            foreach (var unit in Units)
            {
                count += unit.Diagnostics.Length;
            }
            if (count == Leading.Length)
            {
                return Leading;
            }
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(count);
            diagnostics.AddRange(Leading);
            foreach (var unit in Units)
            {
                diagnostics.AddRange(unit.Diagnostics);
            }
            return diagnostics.MoveToImmutable();
        }
    }

    /// <summary>The bound file, when every unit was bound in this run.</summary>
    public BoundFile ToBoundFile(SyntaxTree tree)
    {
        var recipes = ImmutableArray.CreateBuilder<BoundRecipe>(Units.Length);
        foreach (var unit in Units)
        {
            recipes.Add(unit.Recipe ?? throw new InvalidOperationException("a reused unit has no bound recipe"));
        }
        return new(tree, recipes.MoveToImmutable(), Scope, Constants, Diagnostics) { UsedConstants = UsedConstants };
    }

    /// <summary>
    /// The file as file rules see it when some units were reused: everything but the recipes, which are bound
    /// again only for a rule that reads them (<see cref="Checking.FileRule.ReadsRecipes"/>).
    /// </summary>
    public BoundFile WithoutRecipes(SyntaxTree tree) => new(tree, [], Scope, Constants, Diagnostics) { UsedConstants = UsedConstants };
}

/// <summary>
/// Resolves names against the catalog and the recipes in scope (this file's and imported ones), binds every
/// step's arguments, and expands <c>use</c> in place so that rules see the steps that will actually run.
/// </summary>
public sealed class Binder
{
    private readonly RecipeCatalog _catalog;
    private readonly SyntaxTree _tree;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Action<Diagnostic> _report;
    private readonly Action<string> _useConstant;
    private readonly IReadOnlyDictionary<string, RecipeSymbol> _imported;
    private RecipeScope _scope = null!;
    // The constants used by the recipe being bound (the file's own uses while its lets are bound), and the names it
    // looked up with what each resolved to (see RecipeScope.Identity). Made on first use: most recipes read no constant and use
    // no other recipe.
    private HashSet<string>? _usedConstants;
    private Dictionary<string, object?>? _lookups;
    private bool _readsScopeNames;

    private static readonly IReadOnlySet<string> NoNames = FrozenSet<string>.Empty;
    private static readonly IReadOnlyDictionary<string, object?> NoLookups = FrozenDictionary<string, object?>.Empty;

    private Binder(RecipeCatalog catalog, SyntaxTree tree, IReadOnlyDictionary<string, RecipeSymbol> imported)
    {
        _catalog = catalog;
        _tree = tree;
        _imported = imported;
        _report = _diagnostics.Add;
        _useConstant = UseConstant;
    }

    private void UseConstant(string name) => (_usedConstants ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    private void LookedUp(string name, object? resolved) => (_lookups ??= new Dictionary<string, object?>(StringComparer.Ordinal)).TryAdd(name, resolved);

    public static BoundFile Bind(SyntaxTree tree, RecipeCatalog catalog, IReadOnlyDictionary<string, RecipeSymbol>? imported = null) =>
        BindUnits(tree, catalog, imported ?? new Dictionary<string, RecipeSymbol>(), null).ToBoundFile(tree);

    /// <summary>The key of the unit that binds a file's bare steps (not in a recipe).</summary>
    internal static readonly object BareStepsKey = new();

    /// <summary>
    /// Binds a file recipe by recipe: each unit records its diagnostics, the constants it used and the recipe names
    /// it looked up with what they resolved to, so an incremental analysis can reuse a unit whose recipe and
    /// lookups did not change. <paramref name="reuse"/> is asked first for each unit (by the key of its top-level
    /// item, <see cref="BareStepsKey"/> for the bare steps) with the function that resolves a name now.
    /// </summary>
    /// <param name="finish">Applied to each unit as soon as it is bound (the checker's rules), before the next is bound.</param>
    internal static BoundUnits BindUnits(SyntaxTree tree, RecipeCatalog catalog, IReadOnlyDictionary<string, RecipeSymbol> imported, Func<object, Func<string, object?>, BoundUnit?>? reuse,
        CancellationToken cancellationToken = default, Func<BoundUnit, BoundUnit>? finish = null) =>
        new Binder(catalog, tree, imported).BindUnits(reuse, finish ?? (unit => unit), cancellationToken);

    /// <summary>The recipe symbols a file exports to files that import it (no diagnostics: the file reports its own).</summary>
    public static IEnumerable<RecipeSymbol> Exports(SyntaxTree tree, RecipeCatalog catalog)
    {
        var constants = BindConstants(tree, catalog, _ => { }, _ => { });
        return tree.Root.Recipes.Where(r => !r.Name.IsMissing).Select(r => new RecipeSymbol(r.NameText, r, tree.Source, constants));
    }

    private BoundUnits BindUnits(Func<object, Func<string, object?>, BoundUnit?>? reuse, Func<BoundUnit, BoundUnit> finish, CancellationToken cancellationToken)
    {
        var constants = BindConstants(_tree, _catalog, _report, _useConstant);
        var fileUsed = _usedConstants;
        var statements = _tree.Root.Statements;
        var recipes = 0;
        ImmutableArray<StatementSyntax>.Builder? bare = null;
        _scope = new RecipeScope(_tree, _imported, constants, statements.Length);
        for (var i = 0; i < statements.Length; i++)
        {
            if (IsBareStep(statements[i]))
            {
                (bare ??= ImmutableArray.CreateBuilder<StatementSyntax>()).Add(statements[i]);
            }
            if (statements[i] is not RecipeSyntax { Name.IsMissing: false } recipe)
            {
                continue;
            }
            recipes++;
            if (!_scope.TryAddLocal(recipe.NameText, i, out var first))
            {
                _diagnostics.Add(Descriptors.DuplicateRecipe.Create(_tree.Source, recipe.Name.Span, recipe.NameText)
                    .WithRelated(_tree.Source, ((RecipeSyntax)statements[first]).Name.Span, "first defined here"));
            }
        }
        var leading = _diagnostics.ToImmutableArray();
        var units = ImmutableArray.CreateBuilder<BoundUnit>(recipes + (bare is null ? 0 : 1));
        // Only an incremental analysis asks to reuse a unit, with the function that resolves a name now.
        var resolve = reuse is null ? null : new Func<string, object?>(_scope.Identity);
        if (bare is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            units.Add(finish(reuse?.Invoke(BareStepsKey, resolve!) ?? BindUnit(BareStepsKey, null, bare.DrainToImmutable(), constants)));
            AddUsed(ref fileUsed, units[^1].UsedConstants);
        }
        for (var i = 0; i < statements.Length; i++)
        {
            if (statements[i] is RecipeSyntax { Name.IsMissing: false } recipe)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = _tree.Items[i].Id;
                units.Add(finish(reuse?.Invoke(key, resolve!) ?? BindUnit(key, recipe, recipe.Body, constants)));
                AddUsed(ref fileUsed, units[^1].UsedConstants);
            }
        }
        return new BoundUnits(units.MoveToImmutable(), leading, _scope, constants, fileUsed ?? NoNames);
    }

    /// <summary>
    /// Binds one recipe of a file already bound unit by unit (its scope and constants), or the file's bare steps
    /// when <paramref name="statementIndex"/> is negative: a feature that shows a few recipes binds those, not the file.
    /// </summary>
    internal static BoundRecipe BindOne(SyntaxTree tree, RecipeCatalog catalog, BoundUnits units, int statementIndex)
    {
        var binder = new Binder(catalog, tree, units.Scope) { _scope = (RecipeScope)units.Scope };
        if (statementIndex >= 0)
        {
            var recipe = (RecipeSyntax)tree.Root.Statements[statementIndex];
            return binder.BindUnit(tree.Items[statementIndex].Id, recipe, recipe.Body, units.Constants).Recipe!;
        }
        var bare = tree.Root.Statements.Where(IsBareStep).ToImmutableArray();
        return binder.BindUnit(BareStepsKey, null, bare, units.Constants).Recipe!;
    }

    /// <summary>A statement outside any recipe that is a step (or a use): the file's bare steps are bound as one unit.</summary>
    internal static bool IsBareStep(StatementSyntax statement) =>
        statement is not RecipeSyntax and not LetSyntax and not ImportSyntax and not ErrorStatementSyntax;

    private static void AddUsed(ref HashSet<string>? fileUsed, IReadOnlySet<string> used)
    {
        if (used.Count > 0)
        {
            (fileUsed ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(used);
        }
    }

    /// <summary>Binds one recipe (or the file's bare steps, <paramref name="recipe"/> null) and records what it read.</summary>
    private BoundUnit BindUnit(object key, RecipeSyntax? recipe, ImmutableArray<StatementSyntax> body, IReadOnlyDictionary<string, BoundValue> constants)
    {
        _diagnostics.Clear();
        _usedConstants = null;
        _lookups = null;
        _readsScopeNames = false;
        var environment = recipe is null ? constants : WithParameters(recipe, _tree.Source, constants, report: true);
        var bound = BindRecipe(recipe, body, environment);
        return new BoundUnit(key, bound, [.. _diagnostics], _usedConstants ?? NoNames, _lookups ?? NoLookups, _readsScopeNames, []);
    }

    private BoundRecipe BindRecipe(RecipeSyntax? syntax, ImmutableArray<StatementSyntax> body, IReadOnlyDictionary<string, BoundValue> constants)
    {
        var source = _tree.Source;
        MaterialInfo? material = null;
        if (syntax?.Material is { IsMissing: false } materialToken)
        {
            material = _catalog.Materials.GetValueOrDefault(materialToken.Text);
            if (material is null)
            {
                _diagnostics.Add(Descriptors.UnknownMaterial.Create(source, materialToken.Span, materialToken.Text,
                    Suggestions.DidYouMean(materialToken.Text, _catalog.Materials.Keys), string.Join(", ", _catalog.Materials.Keys)));
            }
        }
        else if (syntax?.Parameters is null && FirstStepOrUse(body) is { } first)
        {
            var span = syntax?.Name.Span ?? first.Span;
            _diagnostics.Add(Descriptors.NoMaterial.Create(source, span));
        }
        var defects = ImmutableArray.CreateBuilder<BoundDefect>(0);
        Quantity? batch = null;
        var notes = ImmutableArray.CreateBuilder<string>(0);
        var steps = ImmutableArray.CreateBuilder<BoundStep>(CountSteps(body)); // a use adds more
        StepBinder? stepBinder = null;
        // The recipes being expanded, to catch a recursive use; needed only once a use appears.
        Stack<string>? stack = null;
        var complete = true;
        foreach (var statement in body)
        {
            switch (statement)
            {
                case DefectsSyntax clause:
                    defects.Capacity = Math.Max(defects.Capacity, defects.Count + clause.Defects.Length);
                    foreach (var defect in clause.Defects)
                    {
                        if (BindDefect(defect) is { } boundDefect)
                        {
                            defects.Add(boundDefect);
                        }
                    }
                    break;
                case ClauseSyntax { Keyword.Kind: TokenKind.BatchKeyword } clause:
                    batch = BindBatch(clause);
                    break;
                case ClauseSyntax { Keyword.Kind: TokenKind.NoteKeyword } clause:
                    notes.AddRange(clause.Arguments.OfType<StringSyntax>().Select(s => s.Value));
                    break;
                case StepSyntax step:
                    stepBinder ??= new StepBinder(_catalog, source, constants, _report, material, _useConstant);
                    if (stepBinder.Bind(step) is { } bound)
                    {
                        steps.Add(new BoundStep(steps.Count, bound.Operation, step, source, bound.Arguments, null));
                    }
                    else
                    {
                        complete = false;
                    }
                    break;
                case UseSyntax use:
                    if (stack is null)
                    {
                        stack = new Stack<string>();
                        if (syntax is not null)
                        {
                            stack.Push(syntax.NameText);
                        }
                    }
                    complete &= Expand(use, use, steps, stack, constants, source, material);
                    break;
                case LetSyntax let:
                    _diagnostics.Add(Descriptors.UnexpectedToken.Create(source, let.LetKeyword.Span, "'let' inside a recipe", "a step; move the constant above the recipe"));
                    break;
            }
        }
        var name = syntax?.NameText ?? System.IO.Path.GetFileNameWithoutExtension(source.Path) switch { "" => "recipe", var file => file };
        return new BoundRecipe(name, syntax, source, material, batch, defects.DrainToImmutable(), steps.DrainToImmutable(), notes.DrainToImmutable())
        {
            IsComplete = complete,
        };
    }

    private static int CountSteps(ImmutableArray<StatementSyntax> body)
    {
        var count = 0;
        foreach (var statement in body)
        {
            count += statement is StepSyntax ? 1 : 0;
        }
        return count;
    }

    private static StatementSyntax? FirstStepOrUse(ImmutableArray<StatementSyntax> body)
    {
        foreach (var statement in body)
        {
            if (statement is StepSyntax or UseSyntax)
            {
                return statement;
            }
        }
        return null;
    }

    /// <summary>
    /// Binds the used recipe's steps with its parameters set to the arguments evaluated in the caller's
    /// environment, so rules check each instantiation at its concrete values; the steps' own binding
    /// diagnostics belong to that recipe. False when a recipe or one of its steps could not be expanded.
    /// </summary>
    private bool Expand(UseSyntax use, UseSyntax site, ImmutableArray<BoundStep>.Builder steps, Stack<string> stack,
        IReadOnlyDictionary<string, BoundValue> callerEnvironment, SourceText callerSource, MaterialInfo? material)
    {
        var name = use.Name.Kind == TokenKind.String ? StringSyntax.Unquote(use.Name.Text) : use.Name.Text;
        if (!_scope.TryGetValue(name, out var symbol))
        {
            LookedUp(name, null);
            if (use == site)
            {
                // The suggestion reads every name in scope.
                _readsScopeNames = true;
                _diagnostics.Add(Descriptors.UnknownRecipe.Create(_tree.Source, use.Name.Span, name, Suggestions.DidYouMean(name, _scope.Keys)));
            }
            return false;
        }
        LookedUp(name, _scope.Identity(name));
        if (stack.Contains(name))
        {
            // Reported once, at the use written in this recipe, however deep the cycle closes.
            if (!_diagnostics.Any(d => d.Code == Descriptors.RecursiveUse.Code && d.Span == site.Name.Span))
            {
                _diagnostics.Add(Descriptors.RecursiveUse.Create(_tree.Source, site.Name.Span, stack.Last(), string.Join(" → ", stack.Reverse().Append(name))));
            }
            return false;
        }
        var constants = WithParameters(symbol.Syntax, symbol.Source, symbol.FileConstants, report: false);
        var arguments = BindUseArguments(use, symbol, use == site, callerEnvironment, callerSource);
        var environment = new Dictionary<string, BoundValue>(constants, StringComparer.Ordinal);
        foreach (var (parameter, value) in arguments)
        {
            environment[parameter] = value;
        }
        stack.Push(name);
        var complete = true;
        // The used recipe reports its own binding errors where it is written.
        var binder = new StepBinder(_catalog, symbol.Source, environment, _ => { }, material, usedConstant: null);
        foreach (var statement in symbol.Syntax.Body)
        {
            if (statement is StepSyntax step)
            {
                if (binder.Bind(step) is { } bound)
                {
                    steps.Add(new BoundStep(steps.Count, bound.Operation, step, symbol.Source, bound.Arguments, site));
                }
                else
                {
                    complete = false;
                }
            }
            else if (statement is UseSyntax inner)
            {
                complete &= Expand(inner, site, steps, stack, environment, symbol.Source, material);
            }
        }
        stack.Pop();
        if (symbol.Source == _tree.Source)
        {
            foreach (var constant in symbol.FileConstants.Keys.Where(k => symbol.Syntax.Body.SelectMany(s => s.Tokens()).Any(t => t.Text == k)))
            {
                UseConstant(constant);
            }
        }
        return complete;
    }

    private Dictionary<string, BoundValue> BindUseArguments(UseSyntax use, RecipeSymbol symbol, bool report,
        IReadOnlyDictionary<string, BoundValue> environment, SourceText source)
    {
        var result = new Dictionary<string, BoundValue>(StringComparer.Ordinal);
        if (use.Arguments is null)
        {
            return result;
        }
        var parameters = symbol.Syntax.Parameters?.Parameters ?? [];
        for (var i = 0; i < use.Arguments.Arguments.Length; i++)
        {
            var argument = use.Arguments.Arguments[i];
            var parameter = argument.Name is not { } argumentName ? (i < parameters.Length ? parameters[i] : null) : parameters.FirstOrDefault(p => p.Name.Text == argumentName.Text);
            if (parameter is null)
            {
                if (report)
                {
                    var span = argument.Name?.Span ?? argument.Span;
                    _diagnostics.Add(Descriptors.UnknownParameter.Create(source, span, symbol.Name, argument.Name?.Text ?? source[argument.Span],
                        Suggestions.DidYouMean(argument.Name?.Text ?? "", parameters.Select(p => p.Name.Text))));
                }
                continue;
            }
            var value = BindConstant(argument.Value, _catalog, source, report ? _report : _ => { }, environment, report ? _useConstant : _ => { });
            if (value is null || !FitsDeclaredType(parameter, value, source, argument.Value.Span, report))
            {
                continue;
            }
            // A diagnostic about this value belongs on the argument written in the caller, the text to change.
            result[parameter.Name.Text] = report ? value with { Origin = new ValueOrigin(source, argument.Value.Span) } : value;
        }
        return result;
    }

    /// <summary>A parameter's declared type is a dimension: a value of another dimension, or no quantity at all, does not fit.</summary>
    private bool FitsDeclaredType(ParameterSyntax parameter, BoundValue value, SourceText source, TextSpan span, bool report)
    {
        var declared = ParameterTypes.Find(parameter.Type.Text);
        Dimension? actual = value switch
        {
            QuantityValue quantity => quantity.Quantity.Dimension,
            ParameterValue other => other.Dimension,
            _ => null,
        };
        if (declared is null || actual == declared)
        {
            return true;
        }
        if (report)
        {
            _diagnostics.Add(Descriptors.ArgumentTypeMismatch.Create(source, span, source[span], parameter.Name.Text, declared.Value.DisplayName()));
        }
        return false;
    }

    private IReadOnlyDictionary<string, BoundValue> WithParameters(RecipeSyntax recipe, SourceText source, IReadOnlyDictionary<string, BoundValue> constants, bool report)
    {
        if (recipe.Parameters is null)
        {
            return constants;
        }
        var environment = new Dictionary<string, BoundValue>(constants, StringComparer.Ordinal);
        foreach (var parameter in recipe.Parameters.Parameters)
        {
            var dimension = ParameterTypes.Find(parameter.Type.Text);
            if (dimension is null)
            {
                if (report)
                {
                    _diagnostics.Add(Descriptors.UnknownType.Create(source, parameter.Type.Span, parameter.Type.Text,
                        Suggestions.DidYouMean(parameter.Type.Text, ParameterTypes.Names), string.Join(", ", ParameterTypes.Names)));
                }
                continue;
            }
            var value = parameter.Default is null ? null : BindConstant(parameter.Default, _catalog, source, report ? _report : _ => { }, constants, report ? _useConstant : _ => { });
            if (value is not null && !FitsDeclaredType(parameter, value, source, parameter.Default!.Span, report))
            {
                value = null;
            }
            environment[parameter.Name.Text] = value ?? new ParameterValue(parameter.Name.Text, dimension.Value, parameter.Name.Span);
        }
        return environment;
    }

    private BoundDefect? BindDefect(DefectSyntax syntax)
    {
        var info = _catalog.Defects.GetValueOrDefault(syntax.Name.Text);
        if (info is null)
        {
            _diagnostics.Add(Descriptors.UnknownDefect.Create(_tree.Source, syntax.Name.Span, syntax.Name.Text, Suggestions.DidYouMean(syntax.Name.Text, _catalog.Defects.Keys)));
            return null;
        }
        if (syntax.Arguments is null)
        {
            return new BoundDefect(info.Name, info, syntax, ArgumentMap<Quantity>.Empty);
        }
        var arguments = new ArgumentMap<Quantity>.Builder(syntax.Arguments.Arguments.Length);
        foreach (var argument in syntax.Arguments.Arguments)
        {
            var parameter = FindParameter(info, argument.Name?.Text);
            if (parameter is null)
            {
                _diagnostics.Add(Descriptors.UnknownParameter.Create(_tree.Source, argument.Name?.Span ?? argument.Span, info.Name, argument.Name?.Text ?? _tree.Source[argument.Span],
                    Suggestions.DidYouMean(argument.Name?.Text ?? "", info.Parameters.Select(p => p.Name))));
                continue;
            }
            if (argument.Value is QuantitySyntax quantity)
            {
                var unit = quantity.Unit is not { } unitToken ? UnitTable.Si(parameter.Dimension) : UnitTable.TryLookup(unitToken.Text, parameter.Dimension, out var u) ? u : null;
                if (unit is null || unit.Dimension != parameter.Dimension)
                {
                    _diagnostics.Add(Descriptors.WrongDimension.Create(_tree.Source, quantity.Span, _tree.Source[quantity.Span], unit?.Dimension.DisplayName() ?? "quantity", info.Name, parameter.Dimension.DisplayName()));
                    continue;
                }
                var value = new Quantity(quantity.Value, unit);
                if (parameter.Valid.Contains(value) == false)
                {
                    _diagnostics.Add(Descriptors.ImpossibleValue.Create(_tree.Source, quantity.Span, $"{parameter.Name} = {_tree.Source[quantity.Span]}", $"it must lie in {parameter.Valid.Format()} ({parameter.Valid.Source})"));
                    continue;
                }
                arguments[parameter.Name] = value;
            }
        }
        return new BoundDefect(info.Name, info, syntax, arguments.DrainToMap());
    }

    private static DefectParameterInfo? FindParameter(DefectInfo defect, string? name)
    {
        for (var i = 0; i < defect.Parameters.Count; i++)
        {
            if (defect.Parameters[i].Name == name)
            {
                return defect.Parameters[i];
            }
        }
        return null;
    }

    private Quantity? BindBatch(ClauseSyntax clause)
    {
        if (clause.Arguments is [QuantitySyntax { Unit: { } unitToken } quantity] && UnitTable.TryLookup(unitToken.Text, Dimension.Mass, out var unit) && unit.Dimension == Dimension.Mass)
        {
            return new Quantity(quantity.Value, unit);
        }
        _diagnostics.Add(Descriptors.WrongDimension.Create(_tree.Source, clause.Arguments[0].Span, _tree.Source[clause.Arguments[0].Span], "value", "batch", "a mass such as 50 g"));
        return null;
    }

    /// <summary>The file's <c>let</c> constants in order; a constant may name an earlier one.</summary>
    private static Dictionary<string, BoundValue> BindConstants(SyntaxTree tree, RecipeCatalog catalog, Action<Diagnostic> report, Action<string> used)
    {
        var constants = new Dictionary<string, BoundValue>(StringComparer.Ordinal);
        foreach (var let in tree.Root.Statements.OfType<LetSyntax>())
        {
            if (constants.ContainsKey(let.Name.Text))
            {
                report(Descriptors.DuplicateLet.Create(tree.Source, let.Name.Span, let.Name.Text));
                continue;
            }
            if (BindConstant(let.Value, catalog, tree.Source, report, constants, used) is { } value)
            {
                constants[let.Name.Text] = value;
            }
        }
        return constants;
    }

    /// <summary>
    /// Evaluates a value outside any step (a <c>let</c>, a default, a <c>use</c> argument): its meaning cannot
    /// depend on a slot. A name in the environment (a constant or parameter) evaluates to its value.
    /// </summary>
    private static BoundValue? BindConstant(ArgumentSyntax syntax, RecipeCatalog catalog, SourceText source, Action<Diagnostic> report,
        IReadOnlyDictionary<string, BoundValue> environment, Action<string> used)
    {
        var origin = new ValueOrigin(source, syntax.Span);
        switch (syntax)
        {
            case NameSyntax name when environment.TryGetValue(name.Text, out var value):
                used(name.Text);
                return value with { Span = name.Span, Origin = value.Origin ?? origin };
            case QuantitySyntax quantity when double.IsInfinity(quantity.Value):
                report(Descriptors.ImpossibleValue.Create(source, quantity.Span, source[quantity.Span], "the number is too large"));
                return null;
            case QuantitySyntax quantity when double.IsNaN(quantity.Value):
                return null; // malformed: the lexer reported it
            case QuantitySyntax { Unit: null } quantity:
                report(Descriptors.MissingUnit.Create(source, quantity.Span, source[quantity.Span], source[quantity.Span] + "C"));
                return null;
            case QuantitySyntax { Unit: { } unitToken } quantity when UnitTable.TryLookup(unitToken.Text, out var unit):
                return new QuantityValue(new Quantity(quantity.Value, unit), quantity.Span) { Origin = origin };
            case QuantitySyntax { Unit: { } unitToken }:
                report(Descriptors.UnknownUnit.Create(source, unitToken.Span, unitToken.Text, Suggestions.DidYouMean(unitToken.Text, UnitTable.Spellings)));
                return null;
            case NameSyntax name when catalog.FindAtmosphere(name.Text) is { } atmosphere:
                return new NamedValue(atmosphere.Name, atmosphere, name.Span) { Origin = origin };
            case NameSyntax name when catalog.Coatings.GetValueOrDefault(name.Text) is { } coating:
                return new NamedValue(coating.Name, coating, name.Span) { Origin = origin };
            case NameSyntax name when catalog.FindReagent(name.Text) is { } reagent:
                return new ReagentValue(name.Text, reagent, catalog.FormulaOf(reagent), name.Span) { Origin = origin };
            case StringSyntax text:
                return new TextValue(text.Value, text.Span);
            default:
                return new TextValue(source[syntax.Span], syntax.Span);
        }
    }
}

/// <summary>The parameter types a parameterised recipe can declare: the dimensions' display names.</summary>
public static class ParameterTypes
{
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<Dimension>().Select(d => d.DisplayName()).ToList();

    public static Dimension? Find(string name) =>
        Enum.GetValues<Dimension>().Where(d => string.Equals(d.DisplayName(), name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.ToString(), name.Replace("_", ""), StringComparison.OrdinalIgnoreCase)).Select(d => (Dimension?)d).FirstOrDefault();
}
