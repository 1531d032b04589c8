using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Between the liner's routine and absolute limits a run is allowed but worth knowing about.</summary>
public sealed class AutoclaveRoutineRule() : RecipeRule(Descriptors.AutoclaveRoutine)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Name == "hydrothermal"))
        {
            if (step.Temperature is var (celsius, temperatureSpan)
                && celsius > context.Equipment.AutoclaveRoutineMaxC && celsius <= context.Equipment.AutoclaveMaxC)
            {
                context.Report(Descriptor, step, temperatureSpan, RuleContext.Celsius(celsius), RuleContext.Celsius(context.Equipment.AutoclaveRoutineMaxC), $"{SteamTable.SaturationPressureBar(celsius):0.#}");
            }
        }
    }
}
