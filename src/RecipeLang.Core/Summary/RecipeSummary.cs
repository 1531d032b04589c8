using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Units;

namespace RecipeLang.Summary;

public sealed record StepSummary(int Number, string Operation, string Arguments, int Line);

/// <summary>What a recipe does, for every front end: steps with normalised quantities, duration, peak temperature, defect coverage.</summary>
/// <param name="TotalDuration">
/// The steps' hold times: as written, else the catalog's default that the compiled plan uses too. Ramps and cooling
/// depend on the plant and are not counted.
/// </param>
/// <param name="DefaultTimeSteps">Steps (numbered from 1) whose time is the catalog's default.</param>
public sealed record RecipeSummary(
    string Name,
    string? Material,
    IReadOnlyList<StepSummary> Steps,
    TimeSpan TotalDuration,
    double? PeakTemperatureC,
    IReadOnlyDictionary<string, IReadOnlyList<int>> DefectRepairs,
    IReadOnlyList<int> LithiumSources,
    IReadOnlyList<int> DefaultTimeSteps)
{
    public static RecipeSummary Create(BoundRecipe recipe, RecipeCatalog catalog)
    {
        var steps = recipe.Steps.Select(s => new StepSummary(s.Index + 1, s.Name, string.Join(" ", s.Operation.Parameters
            .Where(p => s.Has(p.Name)).Select(p => $"{p.Name}={Describe(s.Arguments[p.Name])}")), s.Start.Line + 1)).ToList();
        var seconds = 0.0;
        var defaulted = new List<int>();
        foreach (var step in recipe.Steps)
        {
            if (Seconds(step.Quantity("time")) is { } written)
            {
                seconds += written;
            }
            else if (Seconds(step.Operation.FindDefault("time")?.ToQuantity()) is { } fallback)
            {
                seconds += fallback;
                defaulted.Add(step.Index + 1);
            }
        }
        var peak = recipe.Steps.Select(s => s.TemperatureC).Where(t => t is not null).DefaultIfEmpty().Max();
        // A defect named twice (the binder reports nothing for that) is one entry, not a crash.
        var repairs = recipe.Defects.DistinctBy(d => d.Name, StringComparer.Ordinal).ToDictionary(d => d.Name,
            d => (IReadOnlyList<int>)Repairs.StepsRepairing(catalog, recipe, d.Name).Select(s => s.Index + 1).ToList(), StringComparer.Ordinal);
        var sources = recipe.Steps.Where(s => s.SuppliesLithium).Select(s => s.Index + 1).ToList();
        // A duration beyond TimeSpan either way (1e300 h, or -1e308 s, already an error) is shown as the longest one
        // rather than overflowing.
        var duration = Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds)
            : seconds < 0 ? TimeSpan.MinValue : TimeSpan.MaxValue;
        return new RecipeSummary(recipe.Name, recipe.Material?.Name, steps, duration, peak, repairs, sources, defaulted);
    }

    private static double? Seconds(Quantity? time) => time is { } t && t.TryConvertTo("s", out var seconds) ? seconds.Value : null;

    private static string Describe(BoundValue value) => value switch
    {
        QuantityValue q => Normalized(q.Quantity),
        ReagentValue r => r.Name,
        MixtureValue m => string.Join("-", m.Components.Select(c => c.Name)),
        NamedValue n => n.Text,
        CountValue c => $"x{c.Count}",
        FlagValue => "yes",
        TextValue t => t.Text,
        RatioValue r => string.Join(":", r.Parts.Select(NumberText.Canonical)),
        DopantsValue d => string.Join(" ", d.Dopants.Select(x => x.Element + (x.Amount is null ? "" : " " + x.Amount.Quantity.Format()))),
        ParameterValue p => p.Name,
        _ => "?",
    };

    /// <summary>One unit per dimension so steps compare at a glance: set-points in °C, rates in °C/min, durations in h, min or s.</summary>
    private static string Normalized(Quantity quantity)
    {
        var unit = quantity.Dimension switch
        {
            Dimension.Temperature or Dimension.TemperatureDelta => "C",
            Dimension.TemperatureRate => "C/min",
            Dimension.Time => quantity.Si >= 3600 ? "h" : quantity.Si >= 60 ? "min" : "s",
            _ => null,
        };
        var shown = unit is not null && quantity.TryConvertTo(unit, out var converted) ? converted : quantity;
        return NumberText.Display(shown.Value) + shown.Unit.Canonical;
    }
}
