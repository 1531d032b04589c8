using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// With lithium_loss declared, heating to lattice-reconstruction temperature before any step has added lithium
/// degrades the delithiated oxide irreversibly. A relithiation attempt without a lithium reagent (Table 1 row 2,
/// KOH) adds none; only when the recipe has no lithium source at all is it the residual-lithium route that RL4006
/// reports instead.
/// </summary>
public sealed class FurnaceBeforeLithiumRule() : RecipeRule(Descriptors.FurnaceBeforeLithium)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (!recipe.Declares(DefectNames.LithiumLoss))
        {
            return;
        }
        var residualRoute = !recipe.Steps.Any(s => s.AddsLithium);
        var attempted = false;
        foreach (var (step, before) in ProcessWalk.Of(context, recipe))
        {
            attempted |= step.Operation.RepairsDefect(DefectNames.LithiumLoss);
            // A relithiating furnace step (a lithium melt) brings its own lithium.
            if (step.AddsLithium || before.LithiumSource is not null || (residualRoute && attempted))
            {
                return;
            }
            if (step.IsFurnace && step.Temperature is var (celsius, temperatureSpan) && celsius >= context.Limits.LatticeReconstructionMinC.Value)
            {
                context.Report(Descriptor, step, temperatureSpan, step.Describe(), RuleContext.Celsius(celsius));
            }
        }
    }
}
