using RecipeLang.Checking;
using RecipeLang.Catalog;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Summary;
using RecipeLang.Syntax;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>Inlay hints: the step number before each step (a range before a <c>use</c>), the steam pressure after a sealed-vessel temperature, a recipe's total duration.</summary>
public static class InlayHintsFeature
{
    private const int Type = 1, Parameter = 2;

    public static InlayHint[] Hints(DocumentAnalysis analysis, Range range)
    {
        var source = analysis.Source;
        var span = source.ToSpan(range);
        var hints = new List<InlayHint>();
        var recipes = analysis.RecipesIn(span);
        foreach (var (statement, label) in StepNumbers.For(recipes).Where(s => s.Key.Span.Start >= span.Start && s.Key.Span.Start <= span.End))
        {
            var anchor = statement is UseSyntax use ? use.UseKeyword : ((StepSyntax)statement).Operation;
            hints.Add(new InlayHint(Conversions.ToPosition(source.GetPosition(anchor.Span.Start)), label, Parameter, false, true));
        }
        foreach (var recipe in recipes)
        {
            foreach (var step in recipe.Steps.Where(s => s.Via is null && s.Syntax.Span.Start >= span.Start && s.Syntax.Span.Start <= span.End))
            {
                if (SealedVessel.Of(analysis.Catalog, step) is { PressureBar: { } bar } && step.Temperature is { } temperature)
                {
                    hints.Add(new InlayHint(Conversions.ToPosition(source.GetPosition(temperature.Span.End)), $"≈{bar:0.#} bar", Type, true, false));
                }
            }
            if (recipe.Syntax is { } syntax && span.Start <= syntax.OpenBrace.Span.Start && syntax.OpenBrace.Span.Start <= span.End)
            {
                var summary = RecipeSummary.Create(recipe, analysis.Catalog);
                hints.Add(new InlayHint(Conversions.ToPosition(source.GetPosition(syntax.OpenBrace.Span.End)), $"{summary.TotalDuration.TotalHours:0.##} h in total", Type, true, false));
            }
        }
        return [.. hints];
    }
}
