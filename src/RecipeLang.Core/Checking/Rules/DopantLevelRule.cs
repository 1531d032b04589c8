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
                if (dopant is not { Info: { } info, Amount: { } amount } || info.UsualMolPercent.Contains(amount.Quantity) != false)
                {
                    continue;
                }
                if (amount.Quantity.Value <= 0)
                {
                    // A dopant level of 0 mol% or less is impossible, not just unusual.
                    context.Report(context.Create(Descriptor, step, amount.Span, dopant.Element, amount.Quantity.Format(), info.UsualMolPercent.Format(), info.UsualMolPercent.Source, "; a dopant needs an amount above 0") with { Severity = DiagnosticSeverity.Error });
                    continue;
                }
                var warnAbove = context.Limits.DopantWarningAboveMolPercent;
                var far = amount.Quantity.TryConvertTo("mol%", out var percent) && percent.Value > warnAbove.Value
                    ? $"; above {warnAbove.Value} mol% it segregates as a second phase ({warnAbove.Source})" : "";
                context.Report(Descriptor, step, amount.Span, dopant.Element, amount.Quantity.Format(), info.UsualMolPercent.Format(), info.UsualMolPercent.Source, far);
            }
        }
    }
}
