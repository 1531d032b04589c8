using RecipeLang.Runtime.Simulation;
using ScottPlot;

namespace RecipeLang.Cli.Plotting;

/// <summary>The simulated run's thermal profile: temperature over time of every vessel, as SVG or PNG (by extension).</summary>
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
