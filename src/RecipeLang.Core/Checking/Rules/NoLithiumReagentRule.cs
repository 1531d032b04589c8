using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A relithiation-type step whose reagents carry no lithium only works on residual lithium (Table 1 row 2, KOH).</summary>
public sealed class NoLithiumReagentRule() : RecipeRule(Descriptors.NoLithiumReagent)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (!recipe.Declares(DefectNames.LithiumLoss) || recipe.Steps.Any(s => s.SuppliesLithium))
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            var reagents = step.ActiveReagents;
            if (step.Operation.RepairsDefect(DefectNames.LithiumLoss, RepairCondition.LithiumReagent) && reagents.Length > 0)
            {
                context.Report(Descriptor, step, reagents[0].Span.Cover(reagents[^1].Span), step.Describe(), string.Join(", ", reagents.Select(r => r.Name)));
            }
        }
    }
}
