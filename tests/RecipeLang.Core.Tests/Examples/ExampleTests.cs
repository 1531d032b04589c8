using RecipeLang.Diagnostics;
using RecipeLang.Formatting;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Examples;

/// <summary>
/// The recipes shipped in examples/ and the deliberately wrong ones under tests/cases/invalid/: the wrong ones must produce exactly the
/// diagnostics their <c># expect:</c> lines state (a golden test), and every other recipe must check without
/// errors and with no warning it does not declare the same way.
/// </summary>
public class ExampleTests
{
    private const string CardLine = "hydrothermal 4M LiOH 220C 3h then anneal 850C O2 then coat Li3PO4";
    private const int TableOneRows = 14;

    public static IEnumerable<string> InvalidExamples() => ExampleFiles.Recipes(ExampleFiles.IsInvalid);

    public static IEnumerable<string> ShippedExamples() => ExampleFiles.Recipes(path => !ExampleFiles.IsInvalid(path));

    // The card keeps the product's one-liner with the formatter's off directive, so fmt leaves it as it is too.
    public static IEnumerable<string> FormattedExamples() => ShippedExamples();

    [TestCaseSource(nameof(InvalidExamples))]
    public void InvalidExampleProducesExactlyItsExpectedDiagnostics(string file)
    {
        var (expected, malformed) = ExpectedDiagnostic.Read(ExampleFiles.Read(file));
        Assert.That(malformed, Is.Empty, $"{file}: '# expect:' lines must read '# expect: RL0003 at 3:6'");

        // Hints are editor suggestions (e.g. a bare step list names no material), not findings.
        var actual = ExampleFiles.Analyze(file).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Info).ToList();

        AssertSameDiagnostics(file, expected, actual);
        Assert.That(expected, Is.Not.Empty, $"{file}: an invalid example states the diagnostics it must produce");
    }

    [TestCaseSource(nameof(ShippedExamples))]
    public void ShippedExampleChecksWithoutErrorsOrUndeclaredWarnings(string file)
    {
        var analysis = ExampleFiles.Analyze(file);
        var errors = analysis.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, $"{file} must check clean:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

        // A warning an example keeps on purpose (Table 1 row 2 relies on residual lithium) is declared with '# expect:'.
        var (declared, malformed) = ExpectedDiagnostic.Read(ExampleFiles.Read(file));
        Assert.That(malformed, Is.Empty, $"{file}: '# expect:' lines must read '# expect: RL4006 at 7:19'");
        var warnings = analysis.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

        AssertSameDiagnostics(file, declared, warnings);
    }

    [TestCaseSource(nameof(FormattedExamples))]
    public void ShippedExampleIsInTheCanonicalLayout(string file)
    {
        var text = ExampleFiles.Read(file);

        Assert.That(Formatter.Format(Parser.Parse(new SourceText(text, file))), Is.EqualTo(text), $"run 'recipelang fmt {file}'");
    }

    [Test]
    public void TheCardIsTheProductOneLiner()
    {
        var lines = ExampleFiles.Read("examples/card.recipe").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        Assert.That(lines.First(), Does.StartWith("#"));
        Assert.That(lines.Where(l => !l.StartsWith('#')), Is.EqualTo(new[] { CardLine }));
        Assert.That(ExampleFiles.Analyze("examples/card.recipe").Recipes.Single().Steps.Select(s => s.Name), Is.EqualTo(new[] { "hydrothermal", "anneal", "coat" }));
    }

    [Test]
    public void TableOneHasOneRecipePerRowWithItsSourceAndMaterial()
    {
        var files = ExampleFiles.Recipes(path => path.StartsWith("examples/table1/", StringComparison.Ordinal)).ToList();
        Assert.That(files, Has.Count.EqualTo(TableOneRows));

        for (var row = 1; row <= TableOneRows; row++)
        {
            var file = files.SingleOrDefault(f => f.StartsWith($"examples/table1/{row:00}-", StringComparison.Ordinal));
            Assert.That(file, Is.Not.Null, $"no examples/table1/{row:00}-*.recipe");
            var heading = ExampleFiles.Read(file!).Split('\n')[0];
            Assert.That(heading, Does.StartWith("#").And.Contain($"review Table 1 row {row}:").IgnoreCase, file);

            var recipe = ExampleFiles.Analyze(file!).Recipes.Single();
            Assert.That((recipe.Material is not null, recipe.Batch is not null, recipe.Defects.IsEmpty), Is.EqualTo((true, true, false)), $"{file}: material, batch and defects");
        }
    }

    [Test]
    public void EveryDiagnosticCodeHasAnInvalidExample()
    {
        var shown = InvalidExamples()
            .SelectMany(file => ExpectedDiagnostic.Read(ExampleFiles.Read(file)).Expected)
            .Select(d => d.Code)
            .ToHashSet(StringComparer.Ordinal);
        var withoutExample = Descriptors.All
            .Where(d => d.DefaultSeverity > DiagnosticSeverity.Hint)
            .Select(d => d.Code)
            .Where(code => !shown.Contains(code));

        Assert.That(withoutExample, Is.Empty, "every code needs a file under tests/cases/invalid/ that produces it");
    }

    [Test]
    public void ExpectLinesAreReadAndWrittenInTheSameForm()
    {
        var (expected, malformed) = ExpectedDiagnostic.Read("# expect: RL0003 at 3:6\n  #expect: RL4006 at 12:19\r\n# expect RL0001 at 1\nanneal 850C O2\n# expected nothing here\n");

        Assert.That(expected, Is.EqualTo(new[] { new ExpectedDiagnostic("RL0003", 3, 6), new ExpectedDiagnostic("RL4006", 12, 19) }));
        Assert.That(malformed, Is.EqualTo(new[] { "# expect RL0001 at 1" }));
        Assert.That(expected[0].ToString(), Is.EqualTo("# expect: RL0003 at 3:6"));
    }

    [Test]
    public void DifferenceCountsRepeatedDiagnostics()
    {
        var twice = new[] { new ExpectedDiagnostic("RL3001", 5, 10), new ExpectedDiagnostic("RL3001", 5, 10) };
        var once = new[] { new ExpectedDiagnostic("RL3001", 5, 10) };

        Assert.That((ExpectedDiagnostic.Except(twice, once).Count, ExpectedDiagnostic.Except(once, twice).Count), Is.EqualTo((1, 0)));
    }

    private static void AssertSameDiagnostics(string file, IReadOnlyList<ExpectedDiagnostic> expected, IReadOnlyList<Diagnostic> diagnostics)
    {
        var actual = diagnostics.Select(ExpectedDiagnostic.From).ToList();
        var missing = ExpectedDiagnostic.Except(expected, actual);
        var unexpected = ExpectedDiagnostic.Except(actual, expected);
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return;
        }
        var message = new List<string> { $"{file}: the diagnostics differ from its '# expect:' lines" };
        if (missing.Count > 0)
        {
            message.Add("missing (expected, not produced):");
            message.AddRange(missing.Select(d => d.ToString()));
        }
        if (unexpected.Count > 0)
        {
            message.Add("unexpected (produced, not expected):");
            // Each line pastes as is; the message below it says what the diagnostic is about.
            foreach (var d in unexpected)
            {
                message.Add(d.ToString());
                message.Add("    " + diagnostics.First(x => ExpectedDiagnostic.From(x) == d).Message);
            }
        }
        Assert.Fail(string.Join(Environment.NewLine, message));
    }
}
