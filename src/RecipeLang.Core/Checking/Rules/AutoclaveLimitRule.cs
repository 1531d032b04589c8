using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A sealed autoclave is rated for a liner temperature, a pressure and a fill: the set-point, the solvent's
/// vapour pressure there (or an explicit higher pressure) and the fill ratio must stay within the site's limits.
/// </summary>
public sealed class AutoclaveLimitRule() : RecipeRule(Descriptors.AutoclaveLimit, Descriptors.UnknownVapourPressure, Descriptors.HardRange, Descriptors.TypicalRange)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        var equipment = context.Equipment;
        foreach (var step in recipe.Steps)
        {
            if (SealedVessel.Of(context.Catalog, step) is not { } vessel)
            {
                continue;
            }
            var temperatureSpan = step.Temperature!.Value.Span;
            CheckFill(context, step);
            if (vessel.Celsius > equipment.AutoclaveMaxC)
            {
                context.Report(Descriptor, step, temperatureSpan, $"{RuleContext.Celsius(vessel.Celsius)} is above the autoclave's maximum temperature", RuleContext.Celsius(equipment.AutoclaveMaxC), equipment.Source, equipment.AutoclaveName);
                continue;
            }
            if (vessel.Curve is null)
            {
                context.Report(Descriptors.UnknownVapourPressure, step, step.Value<ReagentValue>("solvent")!.Span, vessel.Solvent, string.Join(", ", context.Catalog.VapourPressures.Keys));
                continue;
            }
            if (vessel.IsSupercritical)
            {
                context.Report(Descriptor, step, temperatureSpan,
                    $"{RuleContext.Celsius(vessel.Celsius)} is above the critical point of {vessel.Solvent} ({RuleContext.Celsius(vessel.Curve.Critical.C)}, {vessel.Curve.Critical.Bar:0.#} bar, {vessel.Curve.Source}): no liquid remains and the pressure is set by the fill",
                    $"{equipment.AutoclaveMaxBar:0.#} bar", equipment.Source, equipment.AutoclaveName);
                continue;
            }
            if (vessel.PressureBar > equipment.AutoclaveMaxBar)
            {
                var span = vessel.ExplicitBar >= vessel.VapourBar ? step.Value<QuantityValue>("pressure")!.Span : temperatureSpan;
                context.Report(Descriptor, step, span, vessel.DescribePressure(), $"{equipment.AutoclaveMaxBar:0.#} bar", equipment.Source, equipment.AutoclaveName);
            }
        }
    }

    /// <summary>Above the site's fill ratio the liquid's expansion alone can burst the vessel (RL3014); below it, an unusual fill (RL3010).</summary>
    private void CheckFill(RuleContext context, BoundStep step)
    {
        var window = context.Equipment.AutoclaveFillRatio;
        if (step.Value<QuantityValue>("fill") is not { } fill || window.Contains(fill.Quantity) != false || ImpossibleValueRule.Problem(fill.Quantity) is not null)
        {
            return;
        }
        var above = fill.Quantity.TryConvertTo("%", out var percent) && percent.Value > window.Max;
        var source = $"{window.Source}; {context.Equipment.Source}";
        context.Report(above ? Descriptors.HardRange : Descriptors.TypicalRange, step, fill.Span, step.Name, "fill", fill.Quantity.Display(), window.Format(), source, "");
    }
}
