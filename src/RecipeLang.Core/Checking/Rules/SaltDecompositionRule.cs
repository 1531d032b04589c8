using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Above a salt's decomposition point the melt changes composition (LiNO3 releases O2 and NOx).</summary>
public sealed class SaltDecompositionRule() : RecipeRule(Descriptors.SaltDecomposes)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps.Where(s => s.Name == "molten_salt"))
        {
            if (step.Temperature is not var (celsius, temperatureSpan))
            {
                continue;
            }
            foreach (var salt in step.ActiveReagents)
            {
                if (salt.Reagent is { DecompositionC: { } decomposition } info && celsius > decomposition)
                {
                    context.Report(Descriptor, step, temperatureSpan, info.Name, RuleContext.Celsius(decomposition), info.DecompositionSource ?? "catalog", RuleContext.Celsius(celsius));
                }
            }
        }
    }
}
