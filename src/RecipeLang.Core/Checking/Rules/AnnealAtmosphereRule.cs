using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// Each material may be annealed only in the atmospheres the catalog allows it (Ni-rich: O2; others: air or O2):
/// an inert gas or vacuum reduces the layered oxide, air leaves a Ni-rich one with Ni2+. Where the catalog
/// prefers one of the allowed atmospheres, another gets an info (RL3017).
/// </summary>
public sealed class AnnealAtmosphereRule() : RecipeRule(Descriptors.AnnealAtmosphere, Descriptors.PreferredAtmosphere)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not { } material)
        {
            return;
        }
        // Only lattice-reconstruction temperatures: a binder burn-off (pyrolyze ~500 °C in air) is not an anneal.
        foreach (var step in recipe.Steps)
        {
            if (!step.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value) || step.Value<NamedValue>("atmosphere") is not { Info: AtmosphereInfo atmosphere } value)
            {
                continue;
            }
            var allowed = material.AllowedAtmospheres.Contains(atmosphere.Name, StringComparer.OrdinalIgnoreCase);
            var best = material.PreferredAtmosphere ?? material.AllowedAtmospheres[0];
            if (allowed)
            {
                if (material.PreferredAtmosphere is { } preferred && !string.Equals(preferred, atmosphere.Name, StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(Descriptors.PreferredAtmosphere, step, value.Span, material.Name, preferred, material.AnnealWindowC.Source, atmosphere.Name);
                }
                continue;
            }
            var consequence = !atmosphere.Oxidizing
                ? $"{atmosphere.Name} does not oxidise: the layered oxide loses oxygen and its transition metals are reduced"
                : $"{material.Name} is Ni-rich (Ni = {material.NiFraction:0.##}): {atmosphere.Name} leaves Ni2+, which mixes onto Li sites and forms rock salt";
            var diagnostic = context.Create(Descriptor, step, value.Span, material.Name, string.Join(" or ", material.AllowedAtmospheres), material.Source, consequence, best);
            if (step.Via is null && value.Origin is null)
            {
                diagnostic = diagnostic.WithFix($"Anneal in {best}", new TextChange(value.Span, best));
            }
            context.Report(diagnostic);
        }
    }
}
