using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RecipeLang.Catalog;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Units;

namespace RecipeLang.Binding;

/// <summary>One step after binding: its operation from the catalog and its arguments by parameter name, in the order written.</summary>
/// <param name="Index">Position in the recipe's expanded step list, from 0.</param>
/// <param name="Source">The text the step is written in (another file for a step that came through <c>use</c>).</param>
/// <param name="Via">The <c>use</c> statement that brought the step in, in the recipe's own file; null for its own steps.</param>
public sealed record BoundStep(
    int Index,
    OperationInfo Operation,
    StepSyntax Syntax,
    SourceText Source,
    ArgumentMap<BoundValue> Arguments,
    UseSyntax? Via)
{
    // What the rules ask of every step (its reagents, liquids, set-point), worked out once on first use: about
    // thirty rules read them per step. A copy made with 'with' works them out again from its own arguments; two threads
    // reading a new step may both work them out, harmlessly (the facts are immutable).
    private StepFacts? _facts;

    private BoundStep(BoundStep original)
    {
        Index = original.Index;
        Operation = original.Operation;
        Syntax = original.Syntax;
        Source = original.Source;
        Arguments = original.Arguments;
        Via = original.Via;
    }

    private StepFacts Facts => _facts ??= new StepFacts(this);

    // A step's value is its positional members, as a record's would be; the cached facts are not part of it.
    public bool Equals(BoundStep? other) =>
        ReferenceEquals(this, other) || (other is not null
            && Index == other.Index
            && EqualityComparer<OperationInfo>.Default.Equals(Operation, other.Operation)
            && EqualityComparer<StepSyntax>.Default.Equals(Syntax, other.Syntax)
            && EqualityComparer<SourceText>.Default.Equals(Source, other.Source)
            && EqualityComparer<ArgumentMap<BoundValue>>.Default.Equals(Arguments, other.Arguments)
            && EqualityComparer<UseSyntax?>.Default.Equals(Via, other.Via));

    public override int GetHashCode() => HashCode.Combine(Index, Operation, Syntax, Source, Arguments, Via);

    public string Name => Operation.Name;

    public string Category => Operation.Category;

    public bool IsFurnace => Category == OperationCategories.Furnace;

    public bool IsWet => Operation.IsWet;

    public bool IsDrying => Category == OperationCategories.Drying;

    /// <summary>
    /// Water is the liquid: a wet step whose solvent or wash liquid is water, or that names none (an acid etch and a
    /// hydrothermal solution are aqueous unless a solvent says otherwise; <c>wash ethanol</c> is not).
    /// </summary>
    public bool IsAqueous => IsWet && Facts.LiquidsIncludeWater;

    /// <summary>The liquids the step names: its solvent and any reagent whose role is solvent or wash liquid.</summary>
    public ImmutableArray<ReagentValue> Liquids => Facts.Liquids;

    /// <summary>Adds lithium to the material: a relithiation step with a lithium reagent, or a solid lithium source mixed in.</summary>
    public bool AddsLithium => SuppliesLithium || (Category == OperationCategories.Mixing && Facts.HasLithiumReagent);

    public LinePosition Start => Source.GetPosition(Syntax.Span.Start);

    public Quantity? Quantity(string parameter) => Arguments.GetValueOrDefault(parameter) is QuantityValue q ? q.Quantity : null;

    public T? Value<T>(string parameter) where T : BoundValue => Arguments.GetValueOrDefault(parameter) as T;

    public bool Has(string parameter) => Arguments.ContainsKey(parameter);

    /// <summary>
    /// Every quantity the step carries, by parameter name: quantity arguments and each dopant's amount. Worked out on
    /// each call rather than kept with the facts: one rule reads it, and the kept arrays were 4 % of a large file's analysis.
    /// </summary>
    public ImmutableArray<(string Parameter, QuantityValue Value)> Quantities => StepFacts.QuantitiesOf(Arguments);

    /// <summary>The step's temperature set-point in °C and where it is written, if it has one with a value.</summary>
    public (double Celsius, TextSpan Span)? Temperature => Facts.Temperature;

    public double? TemperatureC => Temperature?.Celsius;

    public AtmosphereInfo? Atmosphere => Value<NamedValue>("atmosphere")?.Info as AtmosphereInfo;

    public CoatingInfo? Coating => Value<NamedValue>("coating")?.Info as CoatingInfo;

    /// <summary>Every reagent the step uses: single reagents, lists and mixture components.</summary>
    public ImmutableArray<ReagentValue> Reagents => Facts.Reagents;

    /// <summary>The step's main reagents (not a solvent or wash liquid named by keyword).</summary>
    public ImmutableArray<ReagentValue> ActiveReagents => Facts.ActiveReagents;

    /// <summary>A relithiation step (one that repairs lithium loss) with a lithium-bearing reagent.</summary>
    public bool SuppliesLithium => Facts.HasLithiumReagent && Operation.RepairsDefect(DefectNames.LithiumLoss);

    /// <summary>Where diagnostics about this step go in the recipe's own file: the step, or the <c>use</c> that expanded it.</summary>
    public TextSpan ReportSpan(TextSpan spanInStep) => Via is null ? spanInStep : Via.Span;

    public string Describe() => $"step {Index + 1} ({Name}, line {Start.Line + 1})";

    /// <summary>A furnace step at or above a temperature: what reconstructs a lattice or diffuses a dopant.</summary>
    public bool IsFurnaceAtOrAbove(double celsius) => IsFurnace && TemperatureC >= celsius;

    /// <summary>What a step's arguments say about its reagents, quantities and set-point, in the order the arguments are written.</summary>
    private sealed class StepFacts
    {
        public StepFacts(BoundStep step)
        {
            var arguments = step.Arguments;
            Reagents = ReagentsOf(arguments, except: null);
            ActiveReagents = arguments.GetValueOrDefault("solvent") is ReagentValue or MixtureValue ? ReagentsOf(arguments, except: "solvent") : Reagents;
            HasLithiumReagent = ActiveReagents.Any(r => r.LithiumBearing);
            Liquids = LiquidsOf(Reagents);
            LiquidsIncludeWater = Liquids.IsEmpty || Liquids.Any(r => r.Formula?.Canonical == "H2O");
            Temperature = step.Value<QuantityValue>("temperature") is { } t && t.Quantity.TryConvertTo("C", out var c) ? (Math.Round(c.Value, 9), t.Span) : null;
        }

        public ImmutableArray<ReagentValue> Reagents { get; }

        public ImmutableArray<ReagentValue> ActiveReagents { get; }

        /// <summary>Some active reagent carries lithium.</summary>
        public bool HasLithiumReagent { get; }

        public ImmutableArray<ReagentValue> Liquids { get; }

        public bool LiquidsIncludeWater { get; }

        public (double Celsius, TextSpan Span)? Temperature { get; }

        /// <summary>Single reagents, lists and mixture components, but those of the <paramref name="except"/> argument.</summary>
        private static ImmutableArray<ReagentValue> ReagentsOf(ArgumentMap<BoundValue> arguments, string? except)
        {
            var count = 0;
            foreach (var (name, value) in arguments)
            {
                count += name == except ? 0 : value switch { ReagentValue => 1, MixtureValue mixture => mixture.Components.Length, _ => 0 };
            }
            if (count == 0)
            {
                return [];
            }
            var reagents = new ReagentValue[count];
            var next = 0;
            foreach (var (name, value) in arguments)
            {
                if (name == except)
                {
                    continue;
                }
                if (value is ReagentValue reagent)
                {
                    reagents[next++] = reagent;
                }
                else if (value is MixtureValue mixture)
                {
                    mixture.Components.CopyTo(reagents, next);
                    next += mixture.Components.Length;
                }
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(reagents);
        }

        private static ImmutableArray<ReagentValue> LiquidsOf(ImmutableArray<ReagentValue> reagents)
        {
            static bool IsLiquid(ReagentValue reagent) =>
                reagent.Reagent is { } info && (info.HasRole(ReagentRoles.Solvent) || info.HasRole(ReagentRoles.WashLiquid));
            var count = 0;
            foreach (var reagent in reagents)
            {
                count += IsLiquid(reagent) ? 1 : 0;
            }
            if (count == reagents.Length || count == 0)
            {
                return count == 0 ? [] : reagents;
            }
            var liquids = ImmutableArray.CreateBuilder<ReagentValue>(count);
            foreach (var reagent in reagents)
            {
                if (IsLiquid(reagent))
                {
                    liquids.Add(reagent);
                }
            }
            return liquids.MoveToImmutable();
        }

        public static ImmutableArray<(string, QuantityValue)> QuantitiesOf(ArgumentMap<BoundValue> arguments)
        {
            var count = 0;
            foreach (var (_, value) in arguments)
            {
                count += value switch { QuantityValue => 1, DopantsValue dopants => dopants.Dopants.Count(d => d.Amount is not null), _ => 0 };
            }
            if (count == 0)
            {
                return [];
            }
            var quantities = new (string, QuantityValue)[count];
            var next = 0;
            foreach (var (name, value) in arguments)
            {
                if (value is QuantityValue quantity)
                {
                    quantities[next++] = (name, quantity);
                }
                else if (value is DopantsValue dopants)
                {
                    foreach (var dopant in dopants.Dopants)
                    {
                        if (dopant.Amount is not null)
                        {
                            quantities[next++] = ($"{name} {dopant.Element}", dopant.Amount);
                        }
                    }
                }
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(quantities);
        }
    }
}

public sealed record BoundDefect(string Name, DefectInfo? Info, DefectSyntax Syntax, ArgumentMap<Quantity> Arguments);

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

    public bool Declares(string defect)
    {
        foreach (var declared in Defects)
        {
            if (declared.Name == defect)
            {
                return true;
            }
        }
        return false;
    }

    // Rules ask these for every step: loops over the steps, with no iterator, and no closure when the predicate is
    // static (the state overload passes what it would have captured).

    /// <summary>Some step that runs after the given one matches.</summary>
    public bool AnyAfter(BoundStep step, Func<BoundStep, bool> predicate)
    {
        for (var i = step.Index + 1; i < Steps.Length; i++)
        {
            if (predicate(Steps[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Some step that runs after the given one matches, with <paramref name="state"/> handed to the predicate.</summary>
    public bool AnyAfter<TState>(BoundStep step, TState state, Func<BoundStep, TState, bool> predicate)
    {
        for (var i = step.Index + 1; i < Steps.Length; i++)
        {
            if (predicate(Steps[i], state))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Some step that runs before the given one matches.</summary>
    public bool AnyBefore(BoundStep step, Func<BoundStep, bool> predicate)
    {
        for (var i = 0; i < step.Index && i < Steps.Length; i++)
        {
            if (predicate(Steps[i]))
            {
                return true;
            }
        }
        return false;
    }
}
