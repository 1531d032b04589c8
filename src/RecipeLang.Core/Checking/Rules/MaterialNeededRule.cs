using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A value the compiler turns into a charge per mole of the material (a dopant's mol%, a lithium excess over the
/// deficiency) has nothing to be sized against in a recipe without a material: check says so, as compile would.
/// </summary>
public sealed class MaterialNeededRule() : RecipeRule(Descriptors.MaterialNeeded)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not null)
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            foreach (var parameter in step.Operation.Parameters.Where(p => p.SizedByMaterial && step.Has(p.Name)))
            {
                var alternatives = step.Operation.Parameters.Where(p => p.RequiredGroup is not null && p.RequiredGroup == parameter.RequiredGroup && p != parameter).ToList();
                if (alternatives.Any(p => step.Has(p.Name)))
                {
                    continue;
                }
                var instead = alternatives.Count == 0 ? "" : $", or give the {string.Join(" or ", alternatives.Select(p => p.Name))} instead";
                context.Report(Descriptor, step, step.Arguments[parameter.Name].Span, step.Describe(), parameter.Name, instead);
            }
        }
    }
}
