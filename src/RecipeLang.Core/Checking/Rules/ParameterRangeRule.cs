using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// The catalog's ranges for every quantity parameter: outside the literature's usual window, or outside the
/// limit of harm where no window is catalogued, is a warning (RL3010); outside the hard range an error (RL3014).
/// Specific rules cover what needs more than a range.
/// </summary>
public sealed class ParameterRangeRule() : RecipeRule(Descriptors.TypicalRange, Descriptors.HardRange)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            var parameters = step.Operation.Parameters;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (step.Value<QuantityValue>(parameter.Name) is not { } value || ImpossibleValueRule.Problem(value.Quantity) is not null)
                {
                    continue;
                }
                if (parameter.Hard is { } hard && hard.Contains(value.Quantity) == false)
                {
                    context.Report(Descriptors.HardRange, step, value.Span, step.Name, parameter.Name, value.Quantity.Display(), hard.Format(), hard.Source);
                }
                // A coating's amount is RL3018's, against the coating's own usual amount first.
                else if (step.Coating is null && parameter.Typical is { } typical && typical.Contains(value.Quantity) == false)
                {
                    context.Report(Descriptor, step, value.Span, step.Name, parameter.Name, value.Quantity.Display(), typical.Format(), typical.Source, parameter.BeyondClause(value.Quantity));
                }
                // No usual window is catalogued (none was found in the literature), but the limit of harm still holds.
                else if (parameter.Typical is null && step.Coating is null && parameter.Beyond is { } beyond && beyond.Contains(value.Quantity) == false)
                {
                    context.Report(Descriptor, step, value.Span, step.Name, parameter.Name, value.Quantity.Display(), beyond.Format(), beyond.Source, $"; {parameter.BeyondEffect}");
                }
            }
        }
    }
}
