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
            if (step.TemperatureC is not { } celsius || step.Value<QuantityValue>("temperature") is not { } temperature)
            {
                continue;
            }
            foreach (var salt in step.ActiveReagents)
            {
                if (salt.Reagent is { DecompositionC: { } decomposition } info && celsius > decomposition)
                {
                    context.Report(Descriptor, step, temperature.Span, info.Name, RuleContext.Celsius(decomposition), info.DecompositionSource ?? "catalog", RuleContext.Celsius(celsius));
                }
            }
        }
    }
}
