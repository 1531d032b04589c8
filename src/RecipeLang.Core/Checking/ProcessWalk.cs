using System.Collections.Immutable;
using RecipeLang.Binding;

namespace RecipeLang.Checking;

/// <summary>The material's state between two steps, as the sequence rules see it.</summary>
/// <param name="WetFrom">The wet step whose liquid is still on the material (no drying or furnace step since), or null.</param>
/// <param name="LithiumSource">The last step that added lithium, or null.</param>
/// <param name="Coatings">Coating steps applied so far.</param>
/// <remarks>A value, not an object: three sequence rules walk every recipe, and a state per step would be garbage.</remarks>
public readonly record struct ProcessState(BoundStep? WetFrom, BoundStep? LithiumSource, ImmutableArray<BoundStep> Coatings)
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
    public static Walk Of(RuleContext context, BoundRecipe recipe) => new(recipe.Steps);

    /// <summary>The steps with their states, for <c>foreach</c>; a struct, so a walk allocates nothing.</summary>
    public readonly struct Walk(ImmutableArray<BoundStep> steps)
    {
        public Enumerator GetEnumerator() => new(steps);
    }

    public struct Enumerator(ImmutableArray<BoundStep> steps)
    {
        private int _index = -1;
        private ProcessState _state = ProcessState.Initial;

        public readonly (BoundStep Step, ProcessState Before) Current => (steps[_index], _state);

        public bool MoveNext()
        {
            if (_index + 1 >= steps.Length)
            {
                _index = steps.Length;
                return false;
            }
            if (_index >= 0)
            {
                _state = After(_state, steps[_index]);
            }
            _index++;
            return true;
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
