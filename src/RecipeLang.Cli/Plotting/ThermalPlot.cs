using RecipeLang.Runtime.Simulation;
using ScottPlot;

namespace RecipeLang.Cli.Plotting;

/// <summary>
/// The run's thermal profile: measured temperature over time of every vessel and, dashed in the same colour,
/// its set-point while its heater is on; as SVG or PNG (by extension).
/// </summary>
public static class ThermalPlot
{
    public static void Save(string path, string title, IReadOnlyList<ThermalSample> samples)
    {
        var plot = new Plot();
        foreach (var vessel in samples.GroupBy(s => s.Vessel).OrderBy(g => g.Key))
        {
            var line = plot.Add.Scatter(
                vessel.Select(s => s.Time.TotalHours).ToArray(),
                vessel.Select(s => s.TemperatureC).ToArray());
            line.LegendText = vessel.Key.ToString();
            line.MarkerSize = 0;
            var heated = vessel.Where(s => double.IsFinite(s.SetPointC)).ToList();
            if (heated.Count > 0)
            {
                // Gaps where the heater is off: NaN breaks the line rather than joining two heated spells.
                var setPoint = plot.Add.Scatter(
                    vessel.Select(s => s.Time.TotalHours).ToArray(),
                    vessel.Select(s => s.SetPointC).ToArray());
                setPoint.LegendText = $"{vessel.Key} set-point";
                setPoint.MarkerSize = 0;
                setPoint.Color = line.Color;
                setPoint.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel("time (h)");
        plot.YLabel("temperature (°C)");
        plot.ShowLegend(Alignment.UpperLeft);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".svg":
                plot.SaveSvg(path, 1000, 500);
                break;
            case ".png":
                plot.SavePng(path, 1000, 500);
                break;
            default:
                throw new ArgumentException($"{path}: the plot must be .svg or .png", nameof(path));
        }
    }
}
