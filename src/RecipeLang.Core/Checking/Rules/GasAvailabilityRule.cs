using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>An atmosphere is a gas line the site must have (vacuum needs none).</summary>
public sealed class GasAvailabilityRule() : RecipeRule(Descriptors.GasUnavailable)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.Value<NamedValue>("atmosphere") is { Info: Catalog.AtmosphereInfo { IsVacuum: false } atmosphere } value && !context.Equipment.HasGas(atmosphere.Name))
            {
                context.Report(Descriptor, step, value.Span, atmosphere.Name, string.Join(", ", context.Equipment.Gases), context.Equipment.FurnaceName);
            }
        }
    }
}
