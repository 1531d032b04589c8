using System.Text.Json;
using RecipeLang.Catalog;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>
/// Every number in the built-in catalog (its JSON, with the vapour-pressure curves, and the default equipment profile) cites the literature it comes from, is marked as the compiler's
/// assumption or a policy threshold of the project's own; an entry marked <c>unsourced:</c> fails. The counts are printed on every run.
/// </summary>
public class CatalogSourcesTests
{
    /// <summary>
    /// Thresholds that choose a diagnostic's severity or when an advice is given, not where a physical effect
    /// sets in: the project's policy, so their source says <c>assumption:</c> and why the value.
    /// </summary>
    private static readonly HashSet<string> PolicyThresholds =
    [
        "limits.annealOverWindowErrorC",
        "limits.electrochemicalBatchInfoAboveG",
    ];

    public static IEnumerable<TestCaseData> Sources() =>
        CatalogSources().Select(s => new TestCaseData(s.Path, s.Source).SetArgDisplayNames(s.Path));

    [TestCaseSource(nameof(Sources))]
    public void Each_source_is_literature_or_an_assumption(string path, string source)
    {
        Assert.That(Citations.Problem(source), Is.Null, $"{path}: {source}");
        if (Citations.IsAssumption(source))
            Assert.That(IsCompilerAssumption(path) || PolicyThresholds.Contains(path), Is.True, $"{path}: only values the compiler assumes and policy thresholds may be assumptions: {source}");
    }

    [Test]
    public void The_counts_are_printed_and_the_policy_thresholds_exist()
    {
        var sources = CatalogSources().ToList();
        var assumptions = sources.Count(s => Citations.IsAssumption(s.Source));
        TestContext.Out.WriteLine($"{sources.Count} catalog sources: {sources.Count - assumptions} literature, {assumptions} assumptions");

        Assert.That(PolicyThresholds.Except(sources.Where(s => Citations.IsAssumption(s.Source)).Select(s => s.Path)), Is.Empty, "policy thresholds that are not in the catalog or not marked as assumptions");
        Assert.That(sources.Select(s => s.Path), Is.Unique);
    }

    [Test]
    public void Every_number_object_has_a_source()
    {
        var missing = new List<string>();
        foreach (var (file, root) in CatalogFiles())
            Walk(root, file, (path, element) =>
            {
                var numbered = element.EnumerateObject().Any(p => p.Name is "value" or "min" or "max" && p.Value.ValueKind == JsonValueKind.Number);
                if (numbered && !element.TryGetProperty("source", out _))
                    missing.Add(path);
            });

        Assert.That(missing, Is.Empty);
    }

    [TestCase("textbook: concentrated ammonia is 14.8 M")]
    [TestCase("process-rules.md: usual 1–4 M")]
    [TestCase("see /work/shared/domain/notes.txt")]
    [TestCase("engineering default, not from the literature")]
    [TestCase("a value everybody knows")]
    [TestCase("")]
    [TestCase("unsourced: no decomposition temperature was found for PAA")]
    public void A_source_that_is_not_literature_is_refused(string source)
    {
        Assert.That(Citations.Problem(source), Is.Not.Null);
    }

    [TestCase("review Table 1 row 5 citing [83] Zha et al. 2026: 600 °C, 4 h")]
    [TestCase("Korin & Soifer, J. Therm. Anal. 50 (1997) 347 (https://example.org/korin)")]
    [TestCase("assumption: engineering default, the mill speed")]
    public void A_literature_source_and_an_assumption_are_accepted(string source)
    {
        Assert.That(Citations.Problem(source), Is.Null);
    }

    private static bool IsCompilerAssumption(string path) =>
        path == "equipment" || path.Contains(".defaults.", StringComparison.Ordinal)
        || path.EndsWith(".defaultAtmosphere", StringComparison.Ordinal) || path.Contains(".defaultReagents.", StringComparison.Ordinal);

    private static IEnumerable<(string Path, string Source)> CatalogSources()
    {
        foreach (var (file, root) in CatalogFiles())
        {
            var found = new List<(string, string)>();
            Walk(root, file, (path, element) =>
            {
                if (element.TryGetProperty("source", out var source))
                    found.Add((path, source.GetString() ?? ""));
            });
            foreach (var item in found)
                yield return item;
        }
        var equipment = EquipmentProfile.Default;
        yield return ("equipment", equipment.Source);
        yield return ("equipment.autoclaveFillRatio", equipment.AutoclaveFillRatio.Source);
    }

    private static IEnumerable<(string File, JsonElement Root)> CatalogFiles()
    {
        foreach (var path in CatalogDataTests.DataFiles())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            // limits.json is one object; the other files hold named sections.
            yield return (Path.GetFileNameWithoutExtension(path) == "limits" ? "limits" : "", document.RootElement.Clone());
        }
    }

    /// <summary>Calls <paramref name="visit"/> on every object with a readable path: <c>materials[NCM523].annealWindowC</c>.</summary>
    private static void Walk(JsonElement element, string path, Action<string, JsonElement> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                visit(path, element);
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", visit);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{path}[{Key(item, index++)}]", visit);
                break;
        }
    }

    private static string Key(JsonElement item, int index)
    {
        if (item.ValueKind != JsonValueKind.Object)
            return index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in new[] { "name", "element", "defect" })
            if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                return value.GetString()!;
        return item.TryGetProperty("components", out var components)
            ? string.Join("-", components.EnumerateArray().Select(c => c.GetString()))
            : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
