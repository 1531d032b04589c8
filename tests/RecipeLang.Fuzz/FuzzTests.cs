namespace RecipeLang.Fuzz;

/// <summary>The fuzzer in the normal test run: every regression file it (or a user) found, and a short fixed-seed slice.</summary>
public class FuzzTests
{
    private static readonly FuzzTarget Target = new();

    public static IEnumerable<string> RegressionFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Regressions"), "*.recipe").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(RegressionFiles))]
    public void Regression_file_keeps_every_property(string name)
    {
        var outcome = Target.Run(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Regressions", name)));

        Assert.That(outcome.Failure, Is.Null, $"{outcome.Elapsed.TotalMilliseconds:0} ms");
    }

    [Test]
    public void A_fixed_seed_slice_of_generated_and_mutated_inputs_keeps_every_property()
    {
        var report = FuzzRun.Run(new FuzzSettings { Count = 150, Seed = 20251202, Threads = 2, CompileEvery = 10 }, FuzzRun.Seeds());

        Assert.That(report.Failures.Select(f => $"{f.Kind}: {f.Failure.Split('\n')[0]}"), Is.Empty);
        Assert.That(report.Inputs, Is.EqualTo(150));
        Assert.That(report.ErrorFree, Is.GreaterThan(0), "the generator reaches lowering and emission");
    }

    [TestCase("Ni(", ")2")]
    [TestCase("(H", ")")]
    [TestCase("(H", "")]
    [TestCase("{", "}")]
    [TestCase("recipe x {", "}")]
    public void Deep_nesting_costs_time_linear_in_its_depth(string open, string close)
    {
        // 20,000 nested '(' took 32 s (each error searched the rest of the step), 16,000 nested 'recipe x {' overflowed
        // the stack; 4x the depth must cost about 4x, not 16x.
        static string Nest(string open, string close, int depth) =>
            "coat " + string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth)) + "\n";
        TimeSpan Fastest(string text) => Enumerable.Range(0, 3).Select(_ => Target.Run(System.Text.Encoding.UTF8.GetBytes(text)).Cpu).Min();

        var small = Fastest(Nest(open, close, 1_000));
        var large = Fastest(Nest(open, close, 4_000));

        // The bound separates linear (4x) from quadratic (16x) with room for a loaded machine's noise.
        Assert.That(large.TotalMilliseconds, Is.LessThan(12 * small.TotalMilliseconds + 200), $"1,000 deep: {small.TotalMilliseconds:0} ms, 4,000 deep: {large.TotalMilliseconds:0} ms");
    }

    [Test]
    public void Open_findings_still_reproduce()
    {
        // When one is fixed this fails: move its file to Regressions/ and drop it from FuzzTarget.OpenFindings.
        var folder = Path.Combine(AppContext.BaseDirectory, "Findings");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.recipe") : [];
        Assert.That(files, Has.Length.EqualTo(FuzzTarget.OpenFindings.Count), "one file per open finding");
        foreach (var file in files)
        {
            var failure = Target.Run(File.ReadAllBytes(file)).Failure;
            Assert.That(FuzzTarget.OpenFindings.Any(f => failure?.StartsWith(f, StringComparison.Ordinal) == true), Is.True, Path.GetFileName(file) + ": " + failure);
        }
    }
}
