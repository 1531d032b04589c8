using System.Text.Json;

namespace RecipeLang.Runtime;

/// <summary>
/// Saturated-water vapour pressure (absolute) as a function of temperature: what a sealed autoclave holding
/// water reaches. The points are the checker's catalog file (IAPWS-IF97), embedded here too, so checker and
/// interlock read one table.
/// </summary>
public static class SteamTable
{
    private const double Kelvin = 273.15;

    private static readonly (double Celsius, double Bar)[] Points = Load();

    public static double CriticalCelsius => Points[^1].Celsius;

    /// <summary>
    /// ln p interpolated linearly in 1/T between the points (Clausius–Clapeyron), as the checker does; below the
    /// first point the lowest pressure, at or above the critical point the critical pressure.
    /// </summary>
    public static Pressure SaturationPressure(Temperature temperature)
    {
        var t = temperature.InCelsius;
        if (double.IsNaN(t))
            return Pressure.Bar(double.NaN);
        if (t <= Points[0].Celsius)
            return Pressure.Bar(Points[0].Bar);
        var upper = 1;
        while (upper < Points.Length - 1 && Points[upper].Celsius < t)
            upper++;
        if (t >= Points[upper].Celsius)
            return Pressure.Bar(Points[upper].Bar);
        var (t0, p0) = Points[upper - 1];
        var (t1, p1) = Points[upper];
        var fraction = (1 / (t + Kelvin) - 1 / (t0 + Kelvin)) / (1 / (t1 + Kelvin) - 1 / (t0 + Kelvin));
        return Pressure.Bar(Math.Exp(Math.Log(p0) + fraction * (Math.Log(p1) - Math.Log(p0))));
    }

    /// <summary>
    /// Loops rather than LINQ over tuples: generic code over a value type is compiled at run time even in a
    /// ReadyToRun build, and that was most of reading this table in a cached dry run (docs/benchmarks.md).
    /// </summary>
    private static (double, double)[] Load()
    {
        using var stream = typeof(SteamTable).Assembly.GetManifestResourceStream("RecipeLang.Runtime.vapour-pressure.json")
            ?? throw new InvalidDataException("The runtime is built without its steam table.");
        using var document = JsonDocument.Parse(stream);
        foreach (var curve in document.RootElement.GetProperty("vapourPressure").EnumerateArray())
        {
            if (curve.GetProperty("reagent").GetString() != "water")
                continue;
            var points = curve.GetProperty("points");
            var table = new (double, double)[points.GetArrayLength() + 1];
            var i = 0;
            foreach (var point in points.EnumerateArray())
                table[i++] = Point(point);
            table[i] = Point(curve.GetProperty("critical"));
            return table;
        }
        throw new InvalidDataException("The runtime's steam table has no curve for water.");

        static (double, double) Point(JsonElement e) => (e.GetProperty("c").GetDouble(), e.GetProperty("bar").GetDouble());
    }
}
