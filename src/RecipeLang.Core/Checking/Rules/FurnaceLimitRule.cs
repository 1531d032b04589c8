using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>No furnace step may ask for more than the site's furnace can give.</summary>
public sealed class FurnaceLimitRule() : RecipeRule(Descriptors.FurnaceLimit)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.IsFurnace && step.Temperature is var (celsius, temperatureSpan) && celsius > context.Equipment.FurnaceMaxC)
            {
                context.Report(Descriptor, step, temperatureSpan, RuleContext.Celsius(celsius), RuleContext.Celsius(context.Equipment.FurnaceMaxC), context.Equipment.FurnaceName);
            }
        }
    }
}
