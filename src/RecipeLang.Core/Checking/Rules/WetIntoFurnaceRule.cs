using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// A furnace step while liquid from an earlier wet step is still on the material (no drying step since, whatever
/// mechanical steps came between): the liquid boils off in the furnace and leaves its salts.
/// </summary>
public sealed class WetIntoFurnaceRule() : RecipeRule(Descriptors.WetIntoFurnace)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var (furnace, before) in ProcessWalk.Of(context, recipe))
        {
            if (!furnace.IsFurnace || before.WetFrom is not { } wet)
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
