using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A solid lithium source given as a mass, with the batch and the spent Li/TM declared, fixes the Li/TM the sinter
/// reaches: it must land in the catalog's target (too little leaves vacancies; too much stays as Li2CO3/LiOH).
/// </summary>
public sealed class LithiumBalanceRule() : RecipeRule(Descriptors.LithiumBalance)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe is not { Material: { } material, Batch: { } batch } || !batch.TryConvertTo("g", out var batchGrams)
            || recipe.Defects.FirstOrDefault(d => d.Name == DefectNames.LithiumLoss) is not { } loss || !loss.Arguments.TryGetValue("li_tm", out var spent))
        {
            return;
        }
        var target = context.Limits.LithiumToMetalTarget;
        var metalMoles = batchGrams.Value / material.MolarMass * material.MetalsPerFormula;
        foreach (var step in recipe.Steps)
        {
            if (step.Category != OperationCategories.Mixing || step.Value<QuantityValue>("amount") is not { } amount || !amount.Quantity.TryConvertTo("g", out var grams)
                || step.Value<ReagentValue>("reagent") is not { Formula: { } formula } reagent || !formula.Contains("Li"))
            {
                continue;
            }
            var lithiumPerGram = formula.Elements["Li"] / formula.MolarMass;
            var after = spent.Value + grams.Value * lithiumPerGram / metalMoles;
            if (target.Contains(after))
            {
                continue;
            }
            string Grams(double ratio) => $"{Math.Max(0, (ratio - spent.Value) * metalMoles / lithiumPerGram):0.##} g";
            var advice = $"for {batch.Display()} of {material.Name} at Li/TM {spent.Value:0.###} use {Grams(target.Min)}–{Grams(target.Max)} of {reagent.Name}"
                + (after > target.Max ? "; the surplus stays on the surface as Li2CO3/LiOH" : "; too little leaves lithium vacancies");
            context.Report(Descriptor, step, amount.Span, step.Describe(), $"{spent.Value:0.###}", $"{after:0.###}", target.Format(), target.Source, advice);
        }
    }
}
