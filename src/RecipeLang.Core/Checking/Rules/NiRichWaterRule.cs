using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// Water strips lithium from a water-sensitive (Ni-rich) surface; only a later anneal — a furnace step at
/// lattice-reconstruction temperature, not a binder burn-off — restores it. Acid etches and hydrothermal
/// solutions are aqueous unless a solvent says otherwise.
/// </summary>
public sealed class NiRichWaterRule() : RecipeRule(Descriptors.NiRichWater)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not { WaterSensitive: true } material)
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            if (step.IsAqueous && !recipe.AnyAfter(step, context, static (s, context) => ProcessWalk.IsAnneal(context, s)))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe(), material.Name);
            }
        }
    }
}
