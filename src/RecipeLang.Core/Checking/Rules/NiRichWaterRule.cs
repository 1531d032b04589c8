using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Water strips lithium from a Ni-rich surface; only a later anneal restores it.</summary>
public sealed class NiRichWaterRule() : RecipeRule(Descriptors.NiRichWater)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not { WaterSensitive: true } material)
        {
            return;
        }
        foreach (var step in recipe.Steps.Where(s => s.IsWet && IsAqueous(s)))
        {
            if (!recipe.After(step).Any(s => s.IsFurnace && s.Atmosphere is not null))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe(), material.Name);
            }
        }
    }

    /// <summary>Water-based: a reagent that is water, or a reaction with no other solvent named.</summary>
    private static bool IsAqueous(BoundStep step) =>
        step.Reagents.Any(r => r.Formula?.Canonical == "H2O") || (step.Operation.FindParameter("solvent") is not null && !step.Has("solvent"));
}
