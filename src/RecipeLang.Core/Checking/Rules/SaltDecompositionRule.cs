using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// Above a salt's decomposition point the melt changes composition (LiNO3 releases O2 and NOx): a warning; an
/// oxidiser decomposing next to an organic component of the same melt (lithium benzoate) is an error.
/// </summary>
public sealed class SaltDecompositionRule() : RecipeRule(Descriptors.SaltDecomposes)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (!step.Operation.MeltsSalts || step.Temperature is not var (celsius, temperatureSpan))
            {
                continue;
            }
            foreach (var salt in step.ActiveReagents)
            {
                if (salt.Reagent is not { DecompositionC: { } decomposition } info || celsius <= decomposition)
                {
                    continue;
                }
                var organic = info.HasRole(ReagentRoles.Oxidiser) ? step.ActiveReagents.FirstOrDefault(r => r.Formula?.IsOrganic == true) : null;
                var hazard = organic is null ? "" : $"; as an oxidiser it attacks {organic.Name} in the same melt (combustion and gas release)";
                var diagnostic = context.Create(Descriptor, step, temperatureSpan, info.Name, RuleContext.Celsius(decomposition), info.DecompositionSource ?? "catalog", RuleContext.Celsius(celsius), hazard);
                context.Report(organic is null ? diagnostic : diagnostic with { Severity = DiagnosticSeverity.Error });
            }
        }
    }
}
