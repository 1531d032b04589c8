namespace RecipeLang.Runtime;

/// <summary>
/// Saturated-water vapour pressure (absolute) as a function of temperature: what a sealed autoclave
/// holding water reaches at a temperature.
/// </summary>
public static class SteamTable
{
    /// <summary>
    /// Points on the IAPWS-IF97 saturation line as printed in steam tables
    /// (/work/shared/domain/process-rules.md, "Hydrothermal relithiation"): °C, bar.
    /// </summary>
    private static readonly (double Celsius, double Bar)[] Points =
    [
        (100, 1.01), (120, 1.99), (150, 4.76), (180, 10.0), (200, 15.5), (220, 23.2),
        (250, 39.8), (300, 85.9), (350, 165.3), (374, 220.6),
    ];

    public static double CriticalCelsius => 374;

    /// <summary>
    /// Interpolates log-linearly in pressure between table points (vapour pressure is close to
    /// exponential in temperature). Below 100 °C it extrapolates the first segment; above the critical
    /// point there is no liquid left, so the critical pressure is returned.
    /// </summary>
    public static Pressure SaturationPressure(Temperature temperature)
    {
        var t = temperature.InCelsius;
        if (double.IsNaN(t))
            return Pressure.Bar(double.NaN);
        if (t >= CriticalCelsius)
            return Pressure.Bar(Points[^1].Bar);
        var upper = 1;
        while (upper < Points.Length - 1 && Points[upper].Celsius < t)
            upper++;
        var (t0, p0) = Points[upper - 1];
        var (t1, p1) = Points[upper];
        var fraction = (t - t0) / (t1 - t0);
        return Pressure.Bar(Math.Exp(Math.Log(p0) + fraction * (Math.Log(p1) - Math.Log(p0))));
    }
}
