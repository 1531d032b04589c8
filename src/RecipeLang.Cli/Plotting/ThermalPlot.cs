using RecipeLang.Cli.Output;
using RecipeLang.Runtime.Simulation;
using ScottPlot;

namespace RecipeLang.Cli.Plotting;

/// <summary>
/// The run's thermal profile: measured temperature over time of every vessel and, dashed in the same colour,
/// its set-point while its heater is on; as SVG or PNG (by extension). Each measured curve is thinned to a fixed
/// number of points (see <see cref="Downsampling"/>), so a 1,200-step run's plot stays the size of a short one's;
/// it is rendered in memory and written through a temporary file.
/// </summary>
public static class ThermalPlot
{
    private const int Width = 1000;
    private const int Height = 500;

    public static void Save(string path, string title, IReadOnlyList<ThermalSample> samples)
    {
        var plot = new Plot();
        foreach (var vessel in samples.GroupBy(s => s.Vessel).OrderBy(g => g.Key))
        {
            var points = Downsampling.MinMax(vessel.Select(s => (s.Time.TotalHours, s.TemperatureC)).ToList(), Width);
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
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
        var bytes = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => new System.Text.UTF8Encoding(false).GetBytes(plot.GetSvgXml(Width, Height)),
            ".png" => plot.GetImageBytes(Width, Height, ImageFormat.Png),
            _ => throw new ArgumentException($"{path}: the plot must be .svg or .png", nameof(path)),
        };
        OutputFile.Write(path, OutputFile.FullPath(path), bytes);
    }
}
