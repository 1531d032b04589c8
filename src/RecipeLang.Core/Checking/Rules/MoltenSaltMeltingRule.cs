using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A molten-salt step must run above its salt's melting point. A catalogued eutectic gives the number; an
/// uncatalogued mixture melts below all its components, so only a warning is honest (RL3008).
/// </summary>
public sealed class MoltenSaltMeltingRule() : RecipeRule(Descriptors.MoltenSaltFrozen, Descriptors.UncataloguedEutectic)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (!step.Operation.MeltsSalts || step.Temperature is not var (celsius, temperatureSpan) || step.Value<MixtureValue>("salts") is not { } salts)
            {
                continue;
            }
            var names = string.Join("-", salts.Components.Select(c => c.Name));
            if (salts.Components.Length == 1)
            {
                if (salts.Components[0].Reagent is { MeltingPointC: { } melting } salt && celsius <= melting)
                {
                    context.Report(Descriptor, step, temperatureSpan, names, RuleContext.Celsius(celsius), RuleContext.Celsius(melting), salt.MeltingPointSource ?? "catalog");
                }
                continue;
            }
            var eutectic = context.Catalog.FindEutectic(salts.Components.Select(c => c.Reagent?.Formula ?? c.Text));
            if (eutectic is null)
            {
                context.Report(Descriptors.UncataloguedEutectic, step, salts.Span, names);
                continue;
            }
            if (eutectic.MeltingPointC is { } range && celsius <= range.Min)
            {
                context.Report(Descriptor, step, temperatureSpan, names, RuleContext.Celsius(celsius), range.Format(), eutectic.Source);
            }
            else if (eutectic.MeltingPointC is null && eutectic.ReportedWorkingC is { } working && celsius < working.Min)
            {
                // Only a working temperature is known: below it the melt is unproven, not proven solid.
                context.Report(Descriptors.UncataloguedEutectic, step, temperatureSpan, $"{names} (reported working temperature {working.Format()}, {working.Source})");
            }
        }
    }
}
