using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Cli.Plotting;

/// <summary>
/// What the thermal plot shows, apart from how it is drawn: per vessel its measured temperature and, dashed in the
/// same colour, its set-point while the heater is on, each curve thinned to what a pixel column can show. The SVG
/// and PNG renderers draw this same chart.
/// </summary>
public sealed record ThermalChart(string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>The plot's width in pixels, also the number of buckets a curve is thinned to.</summary>
    public const int Width = 1000;

    public const int Height = 500;

    /// <summary>Matplotlib's "tab10" colours, one per vessel in order.</summary>
    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static ThermalChart From(string title, IReadOnlyList<ThermalSample> samples)
    {
        var series = new List<ChartSeries>();
        var vessels = samples.GroupBy(s => s.Vessel).OrderBy(g => g.Key).ToList();
        for (var v = 0; v < vessels.Count; v++)
        {
            var vessel = vessels[v];
            var color = Palette[v % Palette.Length];
            var measured = Downsampling.MinMax(vessel.Select(s => (s.Time.TotalHours, s.TemperatureC)).ToList(), Width);
            series.Add(new ChartSeries(vessel.Key.ToString(), color, Dashed: false, [measured]));
            // A heater that goes off breaks the set-point line rather than joining two heated spells.
            var spells = new List<IReadOnlyList<(double X, double Y)>>();
            List<(double X, double Y)>? spell = null;
            foreach (var sample in vessel)
            {
                if (double.IsFinite(sample.SetPointC))
                {
                    (spell ??= []).Add((sample.Time.TotalHours, sample.SetPointC));
                }
                else if (spell is not null)
                {
                    spells.Add(spell);
                    spell = null;
                }
            }
            if (spell is not null)
            {
                spells.Add(spell);
            }
            if (spells.Count > 0)
            {
                series.Add(new ChartSeries($"{vessel.Key} set-point", color, Dashed: true, [.. spells.Select(s => Downsampling.MinMax(s, Width))]));
            }
        }
        return new ThermalChart(title, "time (h)", "temperature (°C)", series);
    }
}

/// <summary>One legend entry: a colour, solid or dashed, drawn as one line per part.</summary>
public sealed record ChartSeries(string Name, string Color, bool Dashed, IReadOnlyList<IReadOnlyList<(double X, double Y)>> Parts);
