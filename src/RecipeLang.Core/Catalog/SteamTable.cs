namespace RecipeLang.Catalog;

/// <summary>The pressure of saturated steam over water, absolute: what a sealed autoclave reaches at a set-point.</summary>
public static class SteamTable
{
    public const string Source = "IAPWS-IF97 saturation line (IAPWS R7-97), as tabulated e.g. at "
        + "https://intheheatofprocess.nl/wp-content/uploads/steam_table_calculator.html (10 bar at 179.9 °C, critical point 220.64 bar)";

    public const double CriticalTemperatureC = 374;

    public const double CriticalPressureBar = 220.6;

    // (°C, bar absolute) from the steam tables, ending at the critical point.
    private static readonly (double C, double Bar)[] Points =
    [
        (100, 1.01), (120, 1.99), (150, 4.76), (180, 10.0), (200, 15.5), (220, 23.2),
        (250, 39.8), (300, 85.9), (350, 165.3), (CriticalTemperatureC, CriticalPressureBar),
    ];

    /// <summary>
    /// Interpolates ln p linearly in temperature between the tabulated points. Below 100 °C it extrapolates
    /// ln p linearly in 1/T (Clausius–Clapeyron through the first two points: 20 °C gives 0.027 bar against
    /// 0.023 in the tables); above the critical point there is no liquid and it returns the critical pressure.
    /// </summary>
    public static double SaturationPressureBar(double celsius)
    {
        if (double.IsNaN(celsius))
            return double.NaN;
        if (celsius >= CriticalTemperatureC)
            return CriticalPressureBar;
        if (celsius < Points[0].C)
            return ClausiusClapeyron(celsius);

        for (var i = 1; i < Points.Length; i++)
        {
            var (c1, p1) = Points[i];
            if (celsius <= c1)
            {
                var (c0, p0) = Points[i - 1];
                var t = (celsius - c0) / (c1 - c0);
                return Math.Exp(Math.Log(p0) + t * (Math.Log(p1) - Math.Log(p0)));
            }
        }
        return CriticalPressureBar;
    }

    private static double ClausiusClapeyron(double celsius)
    {
        const double kelvin = 273.15;
        if (celsius <= -kelvin)
            return 0;
        var (c0, p0) = Points[0];
        var (c1, p1) = Points[1];
        var slope = Math.Log(p1 / p0) / (1 / (c0 + kelvin) - 1 / (c1 + kelvin));
        return p0 * Math.Exp(-slope * (1 / (celsius + kelvin) - 1 / (c0 + kelvin)));
    }
}
