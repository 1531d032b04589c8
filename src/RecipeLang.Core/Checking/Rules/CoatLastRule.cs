using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>An inorganic coating blocks lithium uptake and lattice reconstruction, so it belongs after them.</summary>
public sealed class CoatLastRule() : RecipeRule(Descriptors.CoatBeforeReconstruction)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        var reported = new HashSet<BoundStep>();
        foreach (var (step, before) in ProcessWalk.Of(context, recipe))
        {
            if (!step.AddsLithium && !step.Operation.Repairs.Any(r => r.When == RepairCondition.AfterLithiumSource))
            {
                continue;
            }
            foreach (var coat in before.Coatings.Where(c => c.Coating is not { Kind: CoatingKind.Polymer } && reported.Add(c)))
            {
                context.Report(RuleContext.Related(context.Create(Descriptor, coat, coat.Syntax.Operation.Span, coat.Describe(), step.Describe()), step, "the blocked step"));
            }
        }
    }
}
