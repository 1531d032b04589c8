using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A concentration above the reagent's solubility is a suspension: the recipe does not mean what it says.</summary>
public sealed class SolubilityRule() : RecipeRule(Descriptors.Solubility)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.Value<QuantityValue>("concentration") is not { } concentration || !concentration.Quantity.TryConvertTo("M", out var molar))
            {
                continue;
            }
            foreach (var reagent in step.ActiveReagents)
            {
                if (reagent.Reagent is { SolubilityM: { } solubility } info && molar.Value > solubility)
                {
                    context.Report(Descriptor, step, concentration.Span, molar.Display(), info.Name, Units.NumberText.Display(solubility), info.SolubilitySource ?? "catalog");
                }
            }
        }
    }
}
