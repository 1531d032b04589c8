using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>
/// An electrode's <c>ratio active:conductive:binder</c> is a composition in wt%: it must sum to 100 (error), and each
/// share has a usual window (warning).
/// </summary>
public sealed class ElectrodeRatioRule() : RecipeRule(Descriptors.ElectrodeRatio)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            if (!step.Operation.HasParameter(Catalog.ParameterKind.Binder) || step.Value<RatioValue>("ratio") is not { Parts.Length: 3 } ratio)
            {
                continue;
            }
            var sum = ratio.Parts.Sum();
            if (Math.Abs(sum - 100) > 0.5)
            {
                var error = context.Create(Descriptor, step, ratio.Span, $"active:conductive:binder adds up to {sum:0.##} wt%, not 100; the shares of one electrode must sum to 100 %");
                context.Report(error with { Severity = DiagnosticSeverity.Error });
                continue;
            }
            var limits = context.Limits;
            (string Name, double Value, Catalog.Range Window)[] shares =
            [
                ("active material", ratio.Parts[0], limits.ElectrodeActiveWtPercent),
                ("conductive additive", ratio.Parts[1], limits.ElectrodeConductiveWtPercent),
                ("binder", ratio.Parts[2], limits.ElectrodeBinderWtPercent),
            ];
            foreach (var (name, value, window) in shares.Where(s => !s.Window.Contains(s.Value)))
            {
                context.Report(Descriptor, step, ratio.Span, $"{value:0.##} wt% {name} is outside the usual {window.Format()} ({window.Source})");
            }
        }
    }
}
