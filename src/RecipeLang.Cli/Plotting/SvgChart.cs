using System.Globalization;
using System.Text;
using System.Xml;

namespace RecipeLang.Cli.Plotting;

/// <summary>
/// Draws a <see cref="ThermalChart"/> as SVG: axes with round ticks, a grid, one polyline per curve (set-points with
/// <c>stroke-dasharray</c>) and a legend. Written directly rather than through ScottPlot's Skia SVG canvas, which
/// cannot draw dashes and costs a dry run about 170 ms of start-up.
/// </summary>
public static class SvgChart
{
    private const double Left = 70, Right = 20, Top = 40, Bottom = 55;

    public static byte[] Render(ThermalChart chart)
    {
        const double width = ThermalChart.Width, height = ThermalChart.Height;
        var (x0, x1, y0, y1) = Bounds(chart);
        var xTicks = Ticks(x0, x1, 10);
        var yTicks = Ticks(y0, y1, 8);
        (x0, x1) = (Math.Min(x0, xTicks[0]), Math.Max(x1, xTicks[^1]));
        (y0, y1) = (Math.Min(y0, yTicks[0]), Math.Max(y1, yTicks[^1]));
        double plotWidth = width - Left - Right, plotHeight = height - Top - Bottom;
        double X(double x) => Left + (x - x0) / (x1 - x0) * plotWidth;
        double Y(double y) => Top + (y1 - y) / (y1 - y0) * plotHeight;

        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            xml.WriteAttributeString("width", N(width));
            xml.WriteAttributeString("height", N(height));
            xml.WriteAttributeString("viewBox", $"0 0 {N(width)} {N(height)}");
            Rect(xml, 0, 0, width, height, "white", null);

            foreach (var tick in xTicks)
            {
                Line(xml, X(tick), Top, X(tick), Top + plotHeight, "#e0e0e0");
                Text(xml, X(tick), Top + plotHeight + 18, Label(tick), "middle", 12);
            }
            foreach (var tick in yTicks)
            {
                Line(xml, Left, Y(tick), Left + plotWidth, Y(tick), "#e0e0e0");
                Text(xml, Left - 8, Y(tick) + 4, Label(tick), "end", 12);
            }
            Rect(xml, Left, Top, plotWidth, plotHeight, "none", "#404040");
            Text(xml, width / 2, 24, chart.Title, "middle", 16);
            Text(xml, Left + plotWidth / 2, height - 12, chart.XLabel, "middle", 13);
            xml.WriteStartElement("text");
            xml.WriteAttributeString("transform", $"translate(18 {N(Top + plotHeight / 2)}) rotate(-90)");
            xml.WriteAttributeString("text-anchor", "middle");
            xml.WriteAttributeString("font-family", "sans-serif");
            xml.WriteAttributeString("font-size", "13");
            xml.WriteString(chart.YLabel);
            xml.WriteEndElement();

            foreach (var series in chart.Series)
            {
                xml.WriteStartElement("g");
                xml.WriteAttributeString("fill", "none");
                xml.WriteAttributeString("stroke", series.Color);
                xml.WriteAttributeString("stroke-width", "1.5");
                if (series.Dashed)
                {
                    xml.WriteAttributeString("stroke-dasharray", "6 4");
                }
                xml.WriteElementString("title", series.Name);
                foreach (var part in series.Parts)
                {
                    var builder = new StringBuilder();
                    for (var i = 0; i < part.Length; i++)
                    {
                        if (double.IsFinite(part[i].X) && double.IsFinite(part[i].Y))
                        {
                            builder.Append(N(X(part[i].X))).Append(',').Append(N(Y(part[i].Y))).Append(' ');
                        }
                    }
                    xml.WriteStartElement("polyline");
                    xml.WriteAttributeString("points", builder.ToString().TrimEnd());
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }

            // The legend, upper left inside the plot area.
            double legendX = Left + 10, legendY = Top + 10, rowHeight = 18;
            var longestName = 0;
            foreach (var series in chart.Series)
            {
                longestName = Math.Max(longestName, series.Name.Length);
            }
            var legendWidth = 40 + 7.5 * longestName;
            if (chart.Series.Count > 0)
            {
                Rect(xml, legendX, legendY, legendWidth, 8 + rowHeight * chart.Series.Count, "white", "#a0a0a0");
            }
            for (var i = 0; i < chart.Series.Count; i++)
            {
                var series = chart.Series[i];
                var rowY = legendY + 4 + rowHeight * i + rowHeight / 2;
                Line(xml, legendX + 6, rowY, legendX + 30, rowY, series.Color, "1.5", series.Dashed ? "6 4" : null);
                Text(xml, legendX + 36, rowY + 4, series.Name, "start", 12);
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Round tick values covering [<paramref name="min"/>, <paramref name="max"/>]: steps of 1, 2 or 5 times a power of
    /// ten, the one nearest to giving <paramref name="count"/> intervals, the first at or below the minimum and the last at or above the maximum.
    /// </summary>
    public static double[] Ticks(double min, double max, int count)
    {
        var raw = (max - min) / count;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / power) switch { < 1.5 => 1, < 3 => 2, < 7 => 5, _ => 10 } * power;
        var first = Math.Floor(min / step);
        var ticks = new double[(int)(Math.Ceiling(max / step) - first) + 1];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = Math.Round((first + i) * step, 10);
        }
        return ticks;
    }

    /// <summary>The range of the finite points on each axis, widened to a default when empty or a single value.</summary>
    private static (double X0, double X1, double Y0, double Y1) Bounds(ThermalChart chart)
    {
        double x0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y0 = double.PositiveInfinity, y1 = double.NegativeInfinity;
        foreach (var series in chart.Series)
        {
            foreach (var part in series.Parts)
            {
                for (var i = 0; i < part.Length; i++)
                {
                    var (x, y) = part[i];
                    if (double.IsFinite(x) && double.IsFinite(y))
                    {
                        (x0, x1, y0, y1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y));
                    }
                }
            }
        }
        if (x0 > x1)
        {
            return (0, 1, 0, 100);
        }
        var (xMin, xMax) = Widened(x0, x1);
        var (yMin, yMax) = Widened(y0, y1);
        return (xMin, xMax, yMin, yMax);

        static (double Min, double Max) Widened(double min, double max) => max - min < 1e-9 ? (min - 1, max + 1) : (min, max);
    }

    private static void Rect(XmlWriter xml, double x, double y, double width, double height, string fill, string? stroke) =>
        Element(xml, "rect", ("x", N(x)), ("y", N(y)), ("width", N(width)), ("height", N(height)), ("fill", fill), ("stroke", stroke));

    private static void Line(XmlWriter xml, double x1, double y1, double x2, double y2, string stroke, string? width = null, string? dashes = null) =>
        Element(xml, "line", ("x1", N(x1)), ("y1", N(y1)), ("x2", N(x2)), ("y2", N(y2)), ("stroke", stroke), ("stroke-width", width), ("stroke-dasharray", dashes));

    /// <summary>An empty element with the attributes whose value is not null.</summary>
    private static void Element(XmlWriter xml, string name, params (string Name, string? Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is not null)
            {
                xml.WriteAttributeString(attribute, value);
            }
        }
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, double x, double y, string text, string anchor, int size)
    {
        xml.WriteStartElement("text");
        xml.WriteAttributeString("x", N(x));
        xml.WriteAttributeString("y", N(y));
        xml.WriteAttributeString("text-anchor", anchor);
        xml.WriteAttributeString("font-family", "sans-serif");
        xml.WriteAttributeString("font-size", size.ToString(CultureInfo.InvariantCulture));
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string Label(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
