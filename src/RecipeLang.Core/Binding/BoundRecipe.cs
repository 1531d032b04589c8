using System.Collections.Immutable;
using RecipeLang.Catalog;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Units;

namespace RecipeLang.Binding;

/// <summary>One step after binding: its operation from the catalog and its arguments by parameter name.</summary>
/// <param name="Index">Position in the recipe's expanded step list, from 0.</param>
/// <param name="Source">The text the step is written in (another file for a step that came through <c>use</c>).</param>
/// <param name="Via">The <c>use</c> statement that brought the step in, in the recipe's own file; null for its own steps.</param>
public sealed record BoundStep(
    int Index,
    OperationInfo Operation,
    StepSyntax Syntax,
    SourceText Source,
    ImmutableDictionary<string, BoundValue> Arguments,
    UseSyntax? Via)
{
    public string Name => Operation.Name;

    public string Category => Operation.Category;

    public bool IsFurnace => Category == OperationCategories.Furnace;

    public bool IsWet => Operation.IsWet;

    public bool IsDrying => Category == OperationCategories.Drying;

    /// <summary>
    /// Water is the liquid: a wet step whose solvent or wash liquid is water, or that names none (an acid etch and a
    /// hydrothermal solution are aqueous unless a solvent says otherwise; <c>wash ethanol</c> is not).
    /// </summary>
    public bool IsAqueous => IsWet && (Liquids.ToList() is var liquids && (liquids.Count == 0 || liquids.Any(r => r.Formula?.Canonical == "H2O")));

    /// <summary>The liquids the step names: its solvent and any reagent whose role is solvent or wash liquid.</summary>
    public IEnumerable<ReagentValue> Liquids => Reagents.Where(r => r.Reagent is { } info && (info.HasRole(ReagentRoles.Solvent) || info.HasRole(ReagentRoles.WashLiquid)));

    /// <summary>Adds lithium to the material: a relithiation step with a lithium reagent, or a solid lithium source mixed in.</summary>
    public bool AddsLithium => SuppliesLithium || (Category == OperationCategories.Mixing && ActiveReagents.Any(r => r.LithiumBearing));

    public LinePosition Start => Source.GetPosition(Syntax.Span.Start);

    public Quantity? Quantity(string parameter) => Arguments.GetValueOrDefault(parameter) is QuantityValue q ? q.Quantity : null;

    public T? Value<T>(string parameter) where T : BoundValue => Arguments.GetValueOrDefault(parameter) as T;

    public bool Has(string parameter) => Arguments.ContainsKey(parameter);

    /// <summary>Every quantity the step carries, by parameter name: quantity arguments and each dopant's amount.</summary>
    public IEnumerable<(string Parameter, QuantityValue Value)> Quantities => Arguments.SelectMany(a => a.Value switch
    {
        QuantityValue quantity => [(a.Key, quantity)],
        DopantsValue dopants => dopants.Dopants.Where(d => d.Amount is not null).Select(d => ($"{a.Key} {d.Element}", d.Amount!)),
        _ => (IEnumerable<(string, QuantityValue)>)[],
    });

    /// <summary>The step's temperature set-point in °C and where it is written, if it has one with a value.</summary>
    public (double Celsius, TextSpan Span)? Temperature =>
        Value<QuantityValue>("temperature") is { } t && t.Quantity.TryConvertTo("C", out var c) ? (Math.Round(c.Value, 9), t.Span) : null;

    public double? TemperatureC => Temperature?.Celsius;

    public AtmosphereInfo? Atmosphere => Value<NamedValue>("atmosphere")?.Info as AtmosphereInfo;

    public CoatingInfo? Coating => Value<NamedValue>("coating")?.Info as CoatingInfo;

    /// <summary>Every reagent the step uses: single reagents, lists and mixture components.</summary>
    public IEnumerable<ReagentValue> Reagents => Arguments.Values.SelectMany(value => value switch
    {
        ReagentValue reagent => [reagent],
        MixtureValue mixture => mixture.Components,
        _ => (IEnumerable<ReagentValue>)[],
    });

    /// <summary>The step's main reagents (not a solvent or wash liquid named by keyword).</summary>
    public IEnumerable<ReagentValue> ActiveReagents => Arguments
        .Where(a => a.Key != "solvent")
        .SelectMany(a => a.Value switch
        {
            ReagentValue reagent => [reagent],
            MixtureValue mixture => mixture.Components,
            _ => (IEnumerable<ReagentValue>)[],
        });

    /// <summary>A relithiation step (one that repairs lithium loss) with a lithium-bearing reagent.</summary>
    public bool SuppliesLithium => Operation.Repairs.Any(r => r.Defect == DefectNames.LithiumLoss) && ActiveReagents.Any(r => r.LithiumBearing);

    /// <summary>Where diagnostics about this step go in the recipe's own file: the step, or the <c>use</c> that expanded it.</summary>
    public TextSpan ReportSpan(TextSpan spanInStep) => Via is null ? spanInStep : Via.Span;

    public string Describe() => $"step {Index + 1} ({Name}, line {Start.Line + 1})";

    /// <summary>A furnace step at or above a temperature: what reconstructs a lattice or diffuses a dopant.</summary>
    public bool IsFurnaceAtOrAbove(double celsius) => IsFurnace && TemperatureC >= celsius;
}

public sealed record BoundDefect(string Name, DefectInfo? Info, DefectSyntax Syntax, ImmutableDictionary<string, Quantity> Arguments);

/// <summary>A recipe after binding: material, metadata and the expanded, ordered steps.</summary>
public sealed record BoundRecipe(
    string Name,
    RecipeSyntax? Syntax,
    SourceText Source,
    MaterialInfo? Material,
    Quantity? Batch,
    ImmutableArray<BoundDefect> Defects,
    ImmutableArray<BoundStep> Steps,
    ImmutableArray<string> Notes)
{
    public bool IsAnonymous => Syntax is null;

    /// <summary>
    /// A parameterised recipe with a parameter that has no default: a building block that runs only through <c>use</c>
    /// with its arguments, so it is checked there and compiled into no plan of its own.
    /// </summary>
    public bool IsTemplate => Syntax?.Parameters?.Parameters.Any(p => p.Default is null) == true;

    /// <summary>
    /// False when a step or a <c>use</c> could not be bound (already an error): rules that conclude from the
    /// absence of a step, such as defect coverage, then stay silent instead of piling a guess on the error.
    /// </summary>
    public bool IsComplete { get; init; } = true;

    /// <summary>The span that names the recipe (its name token, or the first step of a bare list).</summary>
    public TextSpan NameSpan => Syntax?.Name.Span ?? (Steps.Length > 0 ? Steps[0].Syntax.Operation.Span : default);

    public bool Declares(string defect) => Defects.Any(d => d.Name == defect);

    /// <summary>The steps that run after the given one.</summary>
    public IEnumerable<BoundStep> After(BoundStep step) => Steps.Skip(step.Index + 1);
}
