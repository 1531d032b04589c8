using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A surface-reconstruction treatment (NH4OH hydrothermal) leaves hydroxide that must be relithiated or annealed.</summary>
public sealed class SurfaceReconstructionFollowUpRule() : RecipeRule(Descriptors.SurfaceNeedsRelithiation)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Operation.Repairs.Any(r => r.When == RepairCondition.SurfaceReagent)))
        {
            if (!Repairs.Holds(context.Catalog, recipe, step, RepairCondition.SurfaceReagent))
            {
                continue;
            }
            if (!recipe.After(step).Any(s => s.SuppliesLithium || s.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value)))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe());
            }
        }
    }
}
