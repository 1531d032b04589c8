using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A sealed autoclave holds the saturated steam pressure of its temperature: both must stay under the site's limits.</summary>
public sealed class AutoclaveLimitRule() : RecipeRule(Descriptors.AutoclaveLimit)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Name == "hydrothermal"))
        {
            if (step.Temperature is not var (celsius, temperatureSpan))
            {
                continue;
            }
            var equipment = context.Equipment;
            var pressure = SteamTable.SaturationPressureBar(celsius);
            if (celsius > equipment.AutoclaveMaxC)
            {
                context.Report(Descriptor, step, temperatureSpan, $"{RuleContext.Celsius(celsius)} is above the autoclave's maximum temperature", RuleContext.Celsius(equipment.AutoclaveMaxC), equipment.Source);
            }
            else if (pressure > equipment.AutoclaveMaxBar)
            {
                context.Report(Descriptor, step, temperatureSpan, $"at {RuleContext.Celsius(celsius)} saturated steam reaches {pressure:0.#} bar ({SteamTable.Source})", $"{equipment.AutoclaveMaxBar:0.#} bar", equipment.Source);
            }
        }
    }
}
