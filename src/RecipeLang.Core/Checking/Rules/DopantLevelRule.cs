using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Each dopant has a usual level; far above it forms a second phase instead of substituting.</summary>
public sealed class DopantLevelRule() : RecipeRule(Descriptors.DopantLevel)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            foreach (var dopant in step.Value<DopantsValue>("dopants")?.Dopants ?? [])
            {
                if (dopant is not { Info: { } info, Amount: { } amount } || info.UsualMolPercent.Contains(amount.Quantity) != false || ImpossibleValueRule.Problem(amount.Quantity) is not null)
                {
                    continue;
                }
                var far = step.Operation.FindParameter("dopants")?.BeyondClause(amount.Quantity) ?? "";
                context.Report(Descriptor, step, amount.Span, dopant.Element, amount.Quantity.Display(), info.UsualMolPercent.Format(), info.UsualMolPercent.Source, far);
            }
        }
    }
}
