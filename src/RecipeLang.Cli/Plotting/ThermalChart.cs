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

    /// <summary>
    /// The chart of a run's samples. Built with arrays and loops rather than LINQ and lists over tuples: each generic
    /// instantiation over a value type is compiled at run time, even in a ReadyToRun build, and those were most of
    /// the plot's cost in a cached dry run (docs/benchmarks.md).
    /// </summary>
    public static ThermalChart From(string title, IReadOnlyList<ThermalSample> samples)
    {
        // The samples of each vessel, vessels in their enum order.
        var last = -1;
        for (var i = 0; i < samples.Count; i++)
        {
            last = Math.Max(last, (int)samples[i].Vessel);
        }
        var byVessel = new List<ThermalSample>?[last + 1];
        for (var i = 0; i < samples.Count; i++)
        {
            (byVessel[(int)samples[i].Vessel] ??= []).Add(samples[i]);
        }
        var series = new List<ChartSeries>();
        var colors = 0;
        foreach (var vessel in byVessel)
        {
            if (vessel is null)
            {
                continue;
            }
            var name = vessel[0].Vessel.ToString();
            var color = Palette[colors++ % Palette.Length];
            var measured = new (double X, double Y)[vessel.Count];
            for (var i = 0; i < vessel.Count; i++)
            {
                measured[i] = (vessel[i].Time.TotalHours, vessel[i].TemperatureC);
            }
            series.Add(new ChartSeries(name, color, Dashed: false, [Downsampling.MinMax(measured, Width)]));
            // A heater that goes off breaks the set-point line rather than joining two heated spells.
            var spells = new List<(double X, double Y)[]>();
            for (var start = 0; start < vessel.Count;)
            {
                if (!double.IsFinite(vessel[start].SetPointC))
                {
                    start++;
                    continue;
                }
                var end = start;
                while (end < vessel.Count && double.IsFinite(vessel[end].SetPointC))
                {
                    end++;
                }
                var spell = new (double X, double Y)[end - start];
                for (var i = start; i < end; i++)
                {
                    spell[i - start] = (vessel[i].Time.TotalHours, vessel[i].SetPointC);
                }
                spells.Add(Downsampling.MinMax(spell, Width));
                start = end;
            }
            if (spells.Count > 0)
            {
                series.Add(new ChartSeries($"{name} set-point", color, Dashed: true, spells));
            }
        }
        return new ThermalChart(title, "time (h)", "temperature (°C)", series);
    }
}

/// <summary>One legend entry: a colour, solid or dashed, drawn as one line per part.</summary>
public sealed record ChartSeries(string Name, string Color, bool Dashed, IReadOnlyList<(double X, double Y)[]> Parts);
