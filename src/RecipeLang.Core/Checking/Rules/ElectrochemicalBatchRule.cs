using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Electrochemical relithiation treats an electrode, not a bulk powder: a large batch is slow and uneven.</summary>
public sealed class ElectrochemicalBatchRule() : RecipeRule(Descriptors.ElectrochemicalBatch)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        var limit = context.Limits.ElectrochemicalBatchInfoAboveG;
        if (recipe.Batch is not { } batch || !batch.TryConvertTo(limit.Unit, out var grams) || grams.Value <= limit.Value)
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            if (step.Category != OperationCategories.Electrochemical)
            {
                continue;
            }
            context.Report(Descriptor, step, step.Syntax.Operation.Span, step.Describe(), batch.Display(), $"{limit.Value} {limit.Unit}", limit.Source);
        }
    }
}
