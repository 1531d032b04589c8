using RecipeLang.Binding;
using RecipeLang.Catalog;

namespace RecipeLang.Checking;

/// <summary>
/// What a sealed vessel holds at a step's set-point: the solvent (the step's <c>solvent</c>, else water), its
/// catalogued vapour-pressure curve, and the pressure the vessel must bear — the larger of that vapour pressure
/// and an explicit <c>pressure</c>. Rules, hover and inlay hints read it.
/// </summary>
public sealed record SealedVessel(string Solvent, VapourPressureCurve? Curve, double Celsius, double? ExplicitBar)
{
    public static SealedVessel? Of(RecipeCatalog catalog, BoundStep step)
    {
        if (!step.Operation.IsSealed || step.Temperature is not var (celsius, _))
        {
            return null;
        }
        var solvent = step.Value<ReagentValue>("solvent");
        var curve = solvent is null ? catalog.Water : catalog.FindVapourPressure(solvent.Name);
        double? explicitBar = step.Quantity("pressure") is { } pressure && pressure.TryConvertTo("bar", out var bar) ? bar.Value : null;
        return new SealedVessel(solvent?.Name ?? catalog.Water.Reagent, curve, celsius, explicitBar);
    }

    public double? VapourBar => Curve?.PressureBar(Celsius);

    /// <summary>The pressure the vessel bears, when the solvent's curve is known.</summary>
    public double? PressureBar => Curve is null ? ExplicitBar : Math.Max(VapourBar!.Value, ExplicitBar ?? 0);

    public bool IsSupercritical => Curve?.IsSupercritical(Celsius) == true;

    /// <summary>"saturated water vapour reaches 23.2 bar (source)", or the explicit pressure when it is higher.</summary>
    public string DescribePressure() => ExplicitBar is { } given && given >= (VapourBar ?? 0)
        ? $"the step asks for {given:0.#} bar"
        : $"{Solvent} vapour reaches {VapourBar:0.#} bar at {RuleContext.Celsius(Celsius)} ({Curve!.Source})";
}
