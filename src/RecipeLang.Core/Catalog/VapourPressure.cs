namespace RecipeLang.Catalog;

/// <summary>A temperature and the saturation pressure there, absolute.</summary>
public sealed record PressurePoint(double C, double Bar);

/// <summary>Antoine parameters, log10(p/bar) = A − B / (T/K + C), valid between <see cref="MinK"/> and <see cref="MaxK"/>.</summary>
public sealed record AntoineParameters(double A, double B, double C, double MinK, double MaxK)
{
    public double Bar(double kelvin) => Math.Pow(10, A - B / (kelvin + C));
}

/// <summary>
/// The saturation (vapour) pressure of a liquid as a function of temperature: what a sealed vessel holding it
/// reaches. Given as tabulated points or as Antoine parameters, each ending at the critical point.
/// </summary>
public sealed record VapourPressureCurve(string Reagent, IReadOnlyList<PressurePoint>? Points, AntoineParameters? Antoine, PressurePoint Critical, string Source)
{
    private const double Kelvin = 273.15;

    /// <summary>At or above the critical temperature there is no liquid: a sealed vessel's pressure then depends on its fill.</summary>
    public bool IsSupercritical(double celsius) => celsius >= Critical.C;

    /// <summary>
    /// The pressure in bar. Between known points ln p is interpolated linearly in 1/T (Clausius–Clapeyron);
    /// Antoine parameters are used inside their range and joined the same way to the critical point above it;
    /// at or above the critical temperature the critical pressure is returned.
    /// </summary>
    public double PressureBar(double celsius)
    {
        if (double.IsNaN(celsius))
            return double.NaN;
        if (celsius >= Critical.C)
            return Critical.Bar;
        if (Antoine is { } antoine && celsius + Kelvin <= antoine.MaxK)
            return antoine.Bar(Math.Max(celsius + Kelvin, 1));
        // The known points in order: where the Antoine range ends (if given), the tabulated ones, the critical point.
        var count = (Antoine is null ? 0 : 1) + (Points?.Count ?? 0) + 1;
        if (celsius <= KnownPoint(0).C)
            return KnownPoint(0).Bar; // below the first point (ice for water): the lowest tabulated pressure
        for (var i = 1; i < count; i++)
        {
            if (celsius <= KnownPoint(i).C)
                return Interpolate(KnownPoint(i - 1), KnownPoint(i), celsius);
        }
        return Critical.Bar;
    }

    private (double C, double Bar) KnownPoint(int index)
    {
        if (Antoine is { } antoine)
        {
            if (index == 0)
                return (antoine.MaxK - Kelvin, antoine.Bar(antoine.MaxK));
            index--;
        }
        var points = Points ?? [];
        return index < points.Count ? (points[index].C, points[index].Bar) : (Critical.C, Critical.Bar);
    }

    private static double Interpolate((double C, double Bar) low, (double C, double Bar) high, double celsius)
    {
        double Inverse(double c) => 1 / (c + Kelvin);
        var t = (Inverse(celsius) - Inverse(low.C)) / (Inverse(high.C) - Inverse(low.C));
        return Math.Exp(Math.Log(low.Bar) + t * (Math.Log(high.Bar) - Math.Log(low.Bar)));
    }
}
