using System.Text.Json;
using RecipeLang.Cli.Plotting;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Cli.Tests.BadInput;

/// <summary>Each test is a crash or a wrong answer found by trying the CLI with bad input (docs/exit-codes.md lists them).</summary>
public class RegressionTests : ScratchFolderTest
{
    private string P(string name) => Path.Combine(Folder, name);

    [Test]
    public void A_file_with_a_NUL_in_an_import_path_is_refused_as_binary_and_does_not_hide_the_other_files()
    {
        // It crashed the whole folder run (Path APIs throw on NUL); the analysis now reports RL1006 (Core tests),
        // and the CLI refuses a file holding NUL bytes before that.
        Write("nul.recipe", "import \"a\0b\"\nrecipe r for NCM523 { anneal 850C O2 4h }\n");
        Write("other.recipe", "recipe broken for NCM523 {\n  anneal 850C ) O2\n}\n");

        var result = InProcessCli.Run("check", Folder);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Output, Does.Contain("other.recipe:2:15: error RL0003"));
        Assert.That(result.Error.Trim(), Is.EqualTo($"recipelang: {P("nul.recipe")}: a binary file (it holds NUL bytes), not a recipe; a recipe is UTF-8 text"));
    }

    [TestCase("; anneal 850C O2 4h\n")]
    [TestCase("# before\n;; # on the semicolons\nanneal 850C O2 4h ;\n")]
    [TestCase("recipe r for NCM523 {\n  ; anneal 850C O2 4h\n}\n")]
    public void A_statement_starting_with_a_semicolon_formats_and_check_agrees(string text)
    {
        Write("s.recipe", text);

        var check = InProcessCli.Run("check", P("s.recipe"));
        var format = InProcessCli.Run("fmt", P("s.recipe"));
        var once = File.ReadAllText(P("s.recipe"));
        var again = InProcessCli.Run("fmt", "--check", P("s.recipe"));

        Assert.That(check.Output, Does.Contain(": 0 errors"));
        Assert.That(format.ExitCode, Is.EqualTo(0), format.Output + format.Error);
        Assert.That(again.ExitCode, Is.EqualTo(0), "formatting is idempotent: " + once);
        Assert.That(once, Does.Contain("anneal 850C O2 4h"));
        foreach (var comment in text.Split('\n').Select(l => l.IndexOf('#') is var i and >= 0 ? l[i..] : null).OfType<string>())
        {
            Assert.That(once, Does.Contain(comment), "comments are kept");
        }
    }

    [Test]
    public void A_huge_number_is_not_echoed_in_full()
    {
        Write("big.recipe", "anneal " + new string('9', 100_000) + "C O2\n");

        var result = InProcessCli.Run("check", P("big.recipe"));

        var line = result.Output.Split('\n').Single(l => l.Contains("RL2005"));
        Assert.That(line.Length, Is.LessThan(400));
        Assert.That(line, Does.Contain("(100,001 characters)"));
    }

    [Test]
    public void Sarif_has_original_uri_base_ids_and_absolute_inputs_as_file_uris()
    {
        Write("lib/a b.recipe", "recipe broken for NCM523 {\n  anneal 850C ) O2\n}\n");

        var result = InProcessCli.Run("lint", "--format", "sarif", P("lib/a b.recipe"));

        using var sarif = JsonDocument.Parse(result.Output);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var root = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString();
        Assert.That(root, Does.StartWith("file:///").And.EndWith("/"));
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.That(location.GetProperty("uri").GetString(), Is.EqualTo(new Uri(P("lib/a b.recipe")).AbsoluteUri));
        Assert.That(location.GetProperty("uri").GetString(), Does.StartWith("file:///").And.Contain("a%20b.recipe"));
    }

    [Test]
    public void A_failed_write_names_the_file_asked_for_not_the_temporary_file()
    {
        Assume.That(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "needs /proc, a folder no one can create files in");
        Write("a.recipe", "recipe r for NCM523 { anneal 850C O2 4h }\n");

        var result = InProcessCli.Run("lint", P("a.recipe"), "-o", "/proc/self/report.txt");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("recipelang: /proc/self/report.txt: cannot write: "));
        Assert.That(result.Error, Does.Not.Contain(".tmp-"));
    }

    [Test]
    public void The_plot_of_a_long_run_is_downsampled_to_a_bounded_size()
    {
        // A 1,200-step run samples every 10 s for weeks: 500,000 samples made a 63 MB SVG.
        var samples = Enumerable.Range(0, 500_000)
            .Select(i => new ThermalSample(TimeSpan.FromSeconds(10 * i), Vessel.Furnace, 25 + 800 * Math.Abs(Math.Sin(i / 5000.0)), 1))
            .ToList();

        ThermalPlot.Save(P("long.svg"), "long", samples);

        Assert.That(new FileInfo(P("long.svg")).Length, Is.LessThan(1_000_000));
        Assert.That(Directory.GetFiles(Folder), Has.Length.EqualTo(1), "no temporary file left");
    }

    [Test]
    public void Downsampling_keeps_every_peak_and_dip()
    {
        var points = Enumerable.Range(0, 100_000).Select(i => ((double)i, i == 12_345 ? 1000.0 : i == 77_777 ? -5.0 : 20.0)).ToArray();

        var kept = Downsampling.MinMax(points, 1000);

        Assert.That(kept, Has.Length.LessThanOrEqualTo(2002));
        Assert.That(kept, Does.Contain((12_345.0, 1000.0)).And.Contain((77_777.0, -5.0)));
        Assert.That(kept.Select(p => p.X), Is.Ordered);
        Assert.That((kept[0], kept[^1]), Is.EqualTo((points[0], points[^1])));
    }
}
