using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>A polymer coating burns off in any later step hotter than it survives.</summary>
public sealed class PolymerCoatingHeatRule() : RecipeRule(Descriptors.PolymerBurnsOff)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var coat in recipe.Steps.Where(s => s.Coating is { Kind: CoatingKind.Polymer }))
        {
            var coating = coat.Coating!;
            foreach (var later in recipe.After(coat))
            {
                if (later.Temperature is var (celsius, temperatureSpan) && celsius > coating.SurvivesUpToC)
                {
                    var diagnostic = context.Create(Descriptor, later, temperatureSpan, later.Describe(), RuleContext.Celsius(celsius), coating.Name, coat.Describe(), $"{RuleContext.Celsius(coating.SurvivesUpToC)} ({coating.Source})");
                    context.Report(RuleContext.Related(diagnostic, coat, $"the {coating.Name} coating is applied here"));
                }
            }
        }
    }
}
