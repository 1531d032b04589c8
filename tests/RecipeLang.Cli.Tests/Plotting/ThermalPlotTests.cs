using System.Xml.Linq;
using RecipeLang.Cli.Plotting;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Cli.Tests.Plotting;

public class ThermalPlotTests : ScratchFolderTest
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>A furnace heated twice with the heater off in between, and a dryer that never has a set-point.</summary>
    private static List<ThermalSample> TwoHeatedSpells()
    {
        var samples = new List<ThermalSample>();
        for (var minute = 0; minute <= 180; minute++)
        {
            var heated = minute < 60 || minute >= 120;
            samples.Add(new ThermalSample(TimeSpan.FromMinutes(minute), Vessel.Furnace, 25 + minute, 1, heated ? 850 : double.NaN));
            samples.Add(new ThermalSample(TimeSpan.FromMinutes(minute), Vessel.Dryer, 25, 1));
        }
        return samples;
    }

    [Test]
    public void The_chart_has_a_solid_line_per_vessel_and_a_dashed_set_point_broken_where_the_heater_was_off()
    {
        var chart = ThermalChart.From("t", TwoHeatedSpells());

        Assert.That(chart.Series.Select(s => (s.Name, s.Dashed, s.Parts.Count)), Is.EqualTo(new[]
        {
            ("Furnace", false, 1),
            ("Furnace set-point", true, 2),
            ("Dryer", false, 1),
        }));
        Assert.That(chart.Series[1].Color, Is.EqualTo(chart.Series[0].Color), "a set-point has its vessel's colour");
        Assert.That(chart.Series[2].Color, Is.Not.EqualTo(chart.Series[0].Color));
        Assert.That(chart.Series[1].Parts[1][0], Is.EqualTo((2.0, 850.0)), "the second spell starts when the heater comes on again");
    }

    [Test]
    public void Time_counts_from_the_runs_first_sample_not_from_the_plants_clock()
    {
        var late = TwoHeatedSpells().Select(s => s with { Time = s.Time + TimeSpan.FromHours(5.5) }).ToList();

        var chart = ThermalChart.From("t", late);

        Assert.That(chart.Series[0].Parts[0][0].X, Is.EqualTo(0.0));
        Assert.That(chart.Series[1].Parts[1][0], Is.EqualTo((2.0, 850.0)));
    }

    [Test]
    public void The_svg_is_well_formed_with_dashed_set_points_a_legend_and_axis_labels()
    {
        var path = Path.Combine(Folder, "p.svg");

        ThermalPlot.Save(path, "run <1> & co", TwoHeatedSpells());

        var svg = XDocument.Load(path).Root!;
        Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
        var groups = svg.Elements(Svg + "g").ToList();
        Assert.That(groups.Select(g => g.Element(Svg + "title")!.Value), Is.EqualTo(new[] { "Furnace", "Furnace set-point", "Dryer" }));
        Assert.That(groups.Select(g => g.Attribute("stroke-dasharray") is not null), Is.EqualTo(new[] { false, true, false }));
        Assert.That(groups[1].Elements(Svg + "polyline").Count(), Is.EqualTo(2));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.That(texts, Does.Contain("run <1> & co").And.Contain("time since the run started (h)").And.Contain("temperature (°C)").And.Contain("Furnace set-point"));
        Assert.That(texts, Does.Contain("900"), "the temperature axis has round ticks up to above the set-point");
    }

    [Test]
    public void Every_point_lies_inside_the_plot_area()
    {
        var path = Path.Combine(Folder, "p.svg");

        ThermalPlot.Save(path, "t", TwoHeatedSpells());

        var frame = XDocument.Load(path).Root!.Elements(Svg + "rect").Single(r => (string?)r.Attribute("fill") == "none");
        double Attr(string name) => double.Parse((string)frame.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        var (left, top, right, bottom) = (Attr("x"), Attr("y"), Attr("x") + Attr("width"), Attr("y") + Attr("height"));
        var points = XDocument.Load(path).Descendants(Svg + "polyline")
            .SelectMany(p => ((string)p.Attribute("points")!).Split(' '))
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();
        Assert.That(points, Is.Not.Empty);
        Assert.That(points.All(p => p[0] >= left - 0.01 && p[0] <= right + 0.01 && p[1] >= top - 0.01 && p[1] <= bottom + 0.01), Is.True);
    }

    [Test]
    public void A_png_is_written_from_the_same_chart()
    {
        var path = Path.Combine(Folder, "p.png");

        ThermalPlot.Save(path, "t", TwoHeatedSpells());

        Assert.That(File.ReadAllBytes(path).Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
    }

    [TestCase(0, 27.5, 10, new double[] { 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28 })]
    [TestCase(23, 852, 8, new double[] { 0, 100, 200, 300, 400, 500, 600, 700, 800, 900 })]
    [TestCase(0.1, 0.43, 8, new double[] { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45 })]
    public void Ticks_are_round_steps_covering_the_range(double min, double max, int count, double[] expected)
    {
        Assert.That(SvgChart.Ticks(min, max, count), Is.EqualTo(expected).Within(1e-9));
    }
}
