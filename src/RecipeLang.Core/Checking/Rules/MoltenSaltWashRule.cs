using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Solidified salt coats the particles after a molten-salt step until a wet step dissolves it.</summary>
public sealed class MoltenSaltWashRule() : RecipeRule(Descriptors.SaltNotWashed)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.Operation.MeltsSalts && !recipe.AnyAfter(step, static s => s.IsWet))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe());
            }
        }
    }
}
