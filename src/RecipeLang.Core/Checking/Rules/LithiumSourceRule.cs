using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A parameter the catalog marks as the step's lithium source (a solid-state mix) must be given a reagent with
/// lithium in its formula: the compiler sizes the charge by that lithium, and nothing else relithiates.
/// </summary>
public sealed class LithiumSourceRule() : RecipeRule(Descriptors.NotLithiumSource)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            var parameters = step.Operation.Parameters;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                if (parameter.LithiumSource && step.Value<ReagentValue>(parameter.Name) is { LithiumBearing: false } reagent && (reagent.Reagent is not null || reagent.Formula is not null))
                {
                    var sources = context.Catalog.Reagents.Values.Where(r => r.LithiumBearing).Select(r => r.Name).Distinct().Take(4);
                    context.Report(Descriptor, step, reagent.Span, reagent.Name, parameter.Name, step.Name, string.Join(", ", sources));
                }
            }
        }
    }
}
