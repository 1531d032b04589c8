using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Dopants diffuse into the lattice only in a following high-temperature step.</summary>
public sealed class DopantDiffusionRule() : RecipeRule(Descriptors.DopantNotDiffused)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        var minimum = context.Limits.DopantDiffusionMinC.Value;
        foreach (var step in recipe.Steps)
        {
            if (step.Category == OperationCategories.Doping && !recipe.AnyAfter(step, minimum, static (s, minimum) => s.TemperatureC >= minimum))
            {
                context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe(), RuleContext.Celsius(minimum));
            }
        }
    }
}
