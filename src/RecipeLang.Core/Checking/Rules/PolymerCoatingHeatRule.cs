using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A polymer coating burns off above the temperature it survives: in its own curing step or in any later step.</summary>
public sealed class PolymerCoatingHeatRule() : RecipeRule(Descriptors.PolymerBurnsOff)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var coat in recipe.Steps)
        {
            if (coat.Coating is not { Kind: CoatingKind.Polymer } coating)
            {
                continue;
            }
            for (var i = coat.Index; i < recipe.Steps.Length; i++)
            {
                var step = recipe.Steps[i];
                if (step.Temperature is var (celsius, temperatureSpan) && celsius > coating.SurvivesUpToC)
                {
                    var where = step == coat ? "applied in this step" : $"applied in {coat.Describe()}";
                    var diagnostic = context.Create(Descriptor, step, temperatureSpan, step.Describe(), RuleContext.Celsius(celsius), coating.Name, where, $"{RuleContext.Celsius(coating.SurvivesUpToC)} ({coating.Source})");
                    context.Report(step == coat ? diagnostic : RuleContext.Related(diagnostic, coat, $"the {coating.Name} coating is applied here"));
                }
            }
        }
    }
}
