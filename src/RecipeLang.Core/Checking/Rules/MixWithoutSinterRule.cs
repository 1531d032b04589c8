using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A solid lithium source only reacts in a sinter: without one it stays a mixed powder.</summary>
public sealed class MixWithoutSinterRule() : RecipeRule(Descriptors.MixWithoutSinter)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.Category == OperationCategories.Mixing && step.ActiveReagents.Any(r => r.LithiumBearing)
                && !recipe.AnyAfter(step, context.Limits.LatticeReconstructionMinC.Value, static (s, celsius) => s.IsFurnaceAtOrAbove(celsius)))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe());
            }
        }
    }
}
