using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A coating's amount against its own usual amount (wt%, or nm for layer-by-layer coatings) where the catalog has one,
/// else against the amounts coatings have been studied at (the coat operation's usual window).
/// </summary>
public sealed class CoatingAmountRule() : RecipeRule(Descriptors.CoatingAmount)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (step.Coating is not { } coating)
            {
                continue;
            }
            var parameters = step.Operation.Parameters;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (parameter.Kind != ParameterKind.Quantity || step.Value<QuantityValue>(parameter.Name) is not { } value || ImpossibleValueRule.Problem(value.Quantity) is not null)
                {
                    continue;
                }
                var beyond = parameter.BeyondClause(value.Quantity);
                if (coating.UsualAmount is { } usual && usual.Contains(value.Quantity) == false)
                {
                    context.Report(Descriptor, step, value.Span, value.Quantity.Display(), coating.Name, usual.Format(), usual.Source, beyond);
                }
                else if (coating.UsualAmount?.Contains(value.Quantity) is null && parameter.Typical is { } studied && studied.Contains(value.Quantity) == false)
                {
                    context.Report(Descriptor, step, value.Span, value.Quantity.Display(), coating.Name, studied.Format(), studied.Source, beyond);
                }
            }
        }
    }
}
