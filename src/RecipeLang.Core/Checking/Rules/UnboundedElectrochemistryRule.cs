using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A galvanostatic step without a cut-off or a time has no end: the controller would run it forever.</summary>
public sealed class UnboundedElectrochemistryRule() : RecipeRule(Descriptors.UnboundedElectrochemistry)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Category == OperationCategories.Electrochemical))
        {
            if (!step.Has("cutoff") && !step.Has("time"))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span);
            }
        }
    }
}
