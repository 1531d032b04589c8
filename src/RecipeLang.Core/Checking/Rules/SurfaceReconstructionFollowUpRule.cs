using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A surface-reconstruction treatment (NH4OH hydrothermal) leaves hydroxide that must be relithiated or annealed.</summary>
public sealed class SurfaceReconstructionFollowUpRule() : RecipeRule(Descriptors.SurfaceNeedsRelithiation)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (!step.Operation.HasRepairWhen(RepairCondition.SurfaceReagent) || !Repairs.Holds(context.Catalog, recipe, step, RepairCondition.SurfaceReagent))
            {
                continue;
            }
            if (!recipe.AnyAfter(step, context.Limits.LatticeReconstructionMinC.Value, static (s, celsius) => s.SuppliesLithium || s.IsFurnaceAtOrAbove(celsius)))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe());
            }
        }
    }
}
