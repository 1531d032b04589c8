using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>An inorganic coating blocks lithium uptake and lattice reconstruction, so it belongs after them.</summary>
public sealed class CoatLastRule() : RecipeRule(Descriptors.CoatBeforeReconstruction)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        HashSet<BoundStep>? reported = null;
        foreach (var (step, before) in ProcessWalk.Of(context, recipe))
        {
            if (before.Coatings.IsEmpty || (!step.AddsLithium && !step.Operation.HasRepairWhen(RepairCondition.AfterLithiumSource)))
            {
                continue;
            }
            foreach (var coat in before.Coatings)
            {
                if (coat.Coating is { Kind: CoatingKind.Polymer } || !(reported ??= []).Add(coat))
                {
                    continue;
                }
                context.Report(RuleContext.Related(context.Create(Descriptor, coat, coat.Syntax.Operation.Span, coat.Describe(), step.Describe()), step, "the blocked step"));
            }
        }
    }
}
