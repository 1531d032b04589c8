using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>With lithium_loss declared, heating before relithiation degrades the delithiated oxide irreversibly.</summary>
public sealed class FurnaceBeforeLithiumRule() : RecipeRule(Descriptors.FurnaceBeforeLithium)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (!recipe.Declares(DefectNames.LithiumLoss))
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            // Any relithiation attempt ends the check: one without a lithium reagent is RL4006's warning, not this error.
            if (step.Operation.Repairs.Any(r => r.Defect == DefectNames.LithiumLoss))
            {
                return;
            }
            if (step.IsFurnace && step.Temperature is var (celsius, temperatureSpan) && celsius >= context.Limits.LithiumLossFurnaceMinC.Value)
            {
                context.Report(Descriptor, step, temperatureSpan, step.Describe(), RuleContext.Celsius(celsius));
            }
        }
    }
}
