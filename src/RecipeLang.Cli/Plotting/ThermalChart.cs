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
        // Hours since the run's first sample: a plant over MQTT stamps its own clock, which started before the run.
        var start = TimeSpan.MaxValue;
        for (var i = 0; i < samples.Count; i++)
        {
            start = samples[i].Time < start ? samples[i].Time : start;
        }
        double Hours(TimeSpan time) => (time - start).TotalHours;
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
                measured[i] = (Hours(vessel[i].Time), vessel[i].TemperatureC);
            }
            series.Add(new ChartSeries(name, color, Dashed: false, [Downsampling.MinMax(measured, Width)]));
            // A heater that goes off breaks the set-point line rather than joining two heated spells.
            var spells = new List<(double X, double Y)[]>();
            for (var first = 0; first < vessel.Count;)
            {
                if (!double.IsFinite(vessel[first].SetPointC))
                {
                    first++;
                    continue;
                }
                var end = first;
                while (end < vessel.Count && double.IsFinite(vessel[end].SetPointC))
                {
                    end++;
                }
                var spell = new (double X, double Y)[end - first];
                for (var i = first; i < end; i++)
                {
                    spell[i - first] = (Hours(vessel[i].Time), vessel[i].SetPointC);
                }
                spells.Add(Downsampling.MinMax(spell, Width));
                first = end;
            }
            if (spells.Count > 0)
            {
                series.Add(new ChartSeries($"{name} set-point", color, Dashed: true, spells));
            }
        }
        return new ThermalChart(title, "time since the run started (h)", "temperature (°C)", series);
    }
}

/// <summary>One legend entry: a colour, solid or dashed, drawn as one line per part.</summary>
public sealed record ChartSeries(string Name, string Color, bool Dashed, IReadOnlyList<(double X, double Y)[]> Parts);
