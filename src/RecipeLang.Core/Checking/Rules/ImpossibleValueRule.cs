using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Units;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// Values no process can have, whatever the operation: below absolute zero, negative or zero durations and
/// amounts, fractions outside 0–100 %. Checked on the evaluated step, so a <c>let</c> or an argument cannot hide one.
/// </summary>
public sealed class ImpossibleValueRule() : RecipeRule(Descriptors.ImpossibleValue)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            foreach (var (parameter, value) in step.Quantities)
            {
                if (Problem(value.Quantity) is { } problem)
                {
                    context.Report(Descriptor, step, value.Span, $"{step.Name} {parameter} = {value.Quantity.Display()}", problem);
                }
            }
        }
    }

    /// <summary>Why a quantity is impossible, or null. Other rules stay silent on such a value: this one says it.</summary>
    public static string? Problem(Quantity quantity) => quantity.Dimension switch
    {
        Dimension.Temperature when quantity.Si < 0 => "below absolute zero (0 K = -273.15 °C)",
        Dimension.Time when quantity.Value <= 0 => "a step needs a duration above zero; leave the time out to use the catalog default",
        Dimension.MassFraction or Dimension.MolarFraction when quantity.Si is <= 0 => "an amount must be above zero; leave the step out instead",
        Dimension.MassFraction or Dimension.MolarFraction or Dimension.Percent when quantity.Si is < 0 or > 1 => "a fraction must lie between 0 and 100 %",
        Dimension.Concentration or Dimension.Mass or Dimension.Volume or Dimension.Length or Dimension.TemperatureRate
            or Dimension.SpecificCurrent or Dimension.Current or Dimension.CRate or Dimension.RotationRate when quantity.Value <= 0 => "it must be above zero",
        Dimension.Pressure when quantity.Value < 0 => "an absolute pressure cannot be negative",
        _ => null,
    };
}
