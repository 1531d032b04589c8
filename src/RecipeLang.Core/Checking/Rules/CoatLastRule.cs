using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A coating blocks lithium uptake and lattice reconstruction, so it belongs after them.</summary>
public sealed class CoatLastRule() : RecipeRule(Descriptors.CoatBeforeReconstruction)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var coat in recipe.Steps.Where(s => s.Category == OperationCategories.Coating))
        {
            var blocked = recipe.After(coat).FirstOrDefault(s => s.SuppliesLithium || s.Operation.Repairs.Any(r => r.When == RepairCondition.AfterLithiumSource));
            if (blocked is not null && coat.Coating is not { Kind: CoatingKind.Polymer })
            {
                context.Report(RuleContext.Related(context.Create(Descriptor, coat, coat.Syntax.Operation.Span, coat.Describe(), blocked.Describe()), blocked, "the blocked step"));
            }
        }
    }
}
