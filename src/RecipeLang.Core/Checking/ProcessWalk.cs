using System.Collections.Immutable;
using RecipeLang.Binding;

namespace RecipeLang.Checking;

/// <summary>The material's state between two steps, as the sequence rules see it.</summary>
/// <param name="WetFrom">The wet step whose liquid is still on the material (no drying or furnace step since), or null.</param>
/// <param name="LithiumSource">The last step that added lithium, or null.</param>
/// <param name="Coatings">Coating steps applied so far.</param>
public sealed record ProcessState(BoundStep? WetFrom, BoundStep? LithiumSource, ImmutableArray<BoundStep> Coatings)
{
    public static ProcessState Initial { get; } = new(null, null, []);
}

/// <summary>
/// Walks a recipe's expanded steps once, carrying the material's process state, so sequence rules reason over
/// the whole recipe (a grind between a wet step and an anneal does not dry anything) instead of neighbouring
/// pairs. What is wet, drying, an anneal or a lithium source comes from the catalog: operation categories and
/// flags, reagent formulas, and the lattice-reconstruction temperature in the limits.
/// </summary>
public static class ProcessWalk
{
    /// <summary>Each step with the state before it.</summary>
    public static IEnumerable<(BoundStep Step, ProcessState Before)> Of(RuleContext context, BoundRecipe recipe)
    {
        var state = ProcessState.Initial;
        foreach (var step in recipe.Steps)
        {
            yield return (step, state);
            state = After(state, step);
        }
    }

    public static bool IsAnneal(RuleContext context, BoundStep step) =>
        step.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value);

    private static ProcessState After(ProcessState state, BoundStep step)
    {
        // Only drying or heat removes the liquid; mechanical steps (grind) carry it along.
        var wet = step.IsWet ? step : step.IsDrying || step.IsFurnace ? null : state.WetFrom;
        return new ProcessState(
            wet,
            step.AddsLithium ? step : state.LithiumSource,
            step.Coating is null ? state.Coatings : state.Coatings.Add(step));
    }
}
