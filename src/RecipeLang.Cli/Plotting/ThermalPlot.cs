using RecipeLang.Cli.Output;
using RecipeLang.Runtime.Simulation;
using ScottPlot;

namespace RecipeLang.Cli.Plotting;

/// <summary>
/// Writes the run's thermal profile (see <see cref="ThermalChart"/>) as SVG or PNG, by the file's extension: SVG
/// drawn by <see cref="SvgChart"/>, PNG rasterised by ScottPlot. It is rendered in memory and written through a
/// temporary file.
/// </summary>
public static class ThermalPlot
{
    public static void Save(string path, string title, IReadOnlyList<ThermalSample> samples)
    {
        var chart = ThermalChart.From(title, samples);
        var bytes = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".svg" => SvgChart.Render(chart),
            ".png" => Png(chart),
            _ => throw new ArgumentException($"{path}: the plot must be .svg or .png", nameof(path)),
        };
        OutputFile.Write(path, OutputFile.FullPath(path), bytes);
    }

    private static byte[] Png(ThermalChart chart)
    {
        var plot = new Plot();
        foreach (var series in chart.Series)
        {
            var first = true;
            foreach (var part in series.Parts)
            {
                var line = plot.Add.Scatter(part.Select(p => p.X).ToArray(), part.Select(p => p.Y).ToArray());
                line.MarkerSize = 0;
                // Not Color.FromHex: a call to it made the ReadyToRun build of the tool abort at start-up (.NET 10.0.12).
                var rgb = Convert.FromHexString(series.Color.AsSpan(1));
                line.Color = new Color(rgb[0], rgb[1], rgb[2]);
                line.LinePattern = series.Dashed ? LinePattern.Dashed : LinePattern.Solid;
                // One legend entry per series, not per part.
                line.LegendText = first ? series.Name : "";
                first = false;
            }
        }
        // The time axis from the first sample to the last, without ScottPlot's margin (which showed a tick at −1 h).
        var (from, to) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var series in chart.Series)
        {
            foreach (var part in series.Parts)
            {
                foreach (var (x, _) in part)
                {
                    (from, to) = (Math.Min(from, x), Math.Max(to, x));
                }
            }
        }
        if (to > from)
        {
            plot.Axes.SetLimitsX(from, to);
        }
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(ThermalChart.Width, ThermalChart.Height, ImageFormat.Png);
    }
}
