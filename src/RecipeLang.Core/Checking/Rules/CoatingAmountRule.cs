using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Each coating has a usual amount (wt%, or nm for layer-by-layer coatings); far above any, the coating blocks lithium.</summary>
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
                else if (coating.UsualAmount?.Contains(value.Quantity) is null && parameter.Beyond is { } limit && beyond.Length > 0)
                {
                    context.Report(Descriptor, step, value.Span, value.Quantity.Display(), coating.Name, limit.Format(), limit.Source, $"; {parameter.BeyondEffect}");
                }
            }
        }
    }
}
