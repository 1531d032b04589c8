using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Checking.Rules;

/// <summary>Ni-rich materials must be annealed in O2: nothing else oxidises Ni2+ to Ni3+ at reconstruction temperatures.</summary>
public sealed class NiRichAtmosphereRule() : RecipeRule(Descriptors.NiRichAtmosphere)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not { IsNiRich: true } material)
        {
            return;
        }
        // Only lattice-reconstruction temperatures: a binder burn-off (pyrolyze ~500 °C in air) is not an anneal.
        foreach (var step in recipe.Steps.Where(s => s.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value)))
        {
            if (step.Value<NamedValue>("atmosphere") is not { } atmosphere || material.AllowedAtmospheres.Contains(atmosphere.Text, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var diagnostic = context.Create(Descriptor, step, atmosphere.Span, material.Name, material.NiFraction, atmosphere.Text);
            if (step.Via is null)
            {
                diagnostic = diagnostic.WithFix("Anneal in O2", new TextChange(atmosphere.Span, "O2"));
            }
            context.Report(diagnostic);
        }
    }
}
