using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A solid lithium source only reacts in a sinter: without one it stays a mixed powder.</summary>
public sealed class MixWithoutSinterRule() : RecipeRule(Descriptors.MixWithoutSinter)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Category == OperationCategories.Mixing && s.ActiveReagents.Any(r => r.LithiumBearing)))
        {
            if (!recipe.After(step).Any(s => s.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value)))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe());
            }
        }
    }
}
