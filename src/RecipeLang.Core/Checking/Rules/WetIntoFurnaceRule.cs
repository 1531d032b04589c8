using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Checking.Rules;

/// <summary>A wet step straight into a furnace step: the liquid boils off in the furnace and leaves its salts.</summary>
public sealed class WetIntoFurnaceRule() : RecipeRule(Descriptors.WetIntoFurnace)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        for (var i = 1; i < recipe.Steps.Length; i++)
        {
            var (wet, furnace) = (recipe.Steps[i - 1], recipe.Steps[i]);
            if (!wet.IsWet || !furnace.IsFurnace)
            {
                continue;
            }
            var diagnostic = context.Create(Descriptor, furnace, furnace.Syntax.Operation.Span, furnace.Describe(), wet.Describe());
            if (furnace.Via is null)
            {
                diagnostic = diagnostic.WithFix("Insert a vacuum drying step", new TextChange(new TextSpan(furnace.Syntax.Operation.Span.Start, 0), "dry 80C 12h vacuum then "));
            }
            context.Report(RuleContext.Related(diagnostic, wet, "the wet step"));
        }
    }
}
