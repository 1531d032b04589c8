using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RecipeLang.Generators;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>The catalog generator run in memory on small types and files: what it emits, and the build errors a wrong file gets.</summary>
public class CatalogDataGeneratorTests
{
    private const string Types = """
        namespace Demo;
        public enum Kind { Polymer, MetalOxide }
        public sealed record Item(string Name, Kind Kind, double? Max)
        {
            public System.Collections.Generic.IReadOnlyList<string> Aliases { get; init; } = [];
        }
        public sealed class Root
        {
            public required System.Collections.Generic.List<Item> Items { get; init; }
        }
        """;

    [Test]
    public void A_file_becomes_constructor_calls_with_its_values()
    {
        var (source, diagnostics) = Run("""{ "items": [ { "name": "PVDF", "kind": "metal_oxide", "max": 1.5, "aliases": ["pvdf"] } ] }""");

        Assert.That(diagnostics, Is.Empty);
        Assert.That(source, Does.Contain("""new global::Demo.Item("PVDF", global::Demo.Kind.MetalOxide, 1.5) { Aliases = new global::System.Collections.Generic.List<string> { "pvdf" } }"""));
        Assert.That(source, Does.Contain("public static global::Demo.Root[] RootFiles() => [Read_demo()];"));
    }

    [TestCase("""{ "items": [ { "name": "A", "kind": "polymer", "colour": "red" } ] }""", "Item has no property 'colour'")]
    [TestCase("""{ "items": [ { "name": "A", "kind": "ceramic" } ] }""", "'ceramic' is not a Kind; expected one of polymer, metal_oxide")]
    [TestCase("""{ "items": [ { "kind": "polymer" } ] }""", "Item needs 'name'")]
    [TestCase("""{ }""", "Root needs 'items'")]
    [TestCase("""{ "items": [ { "name": 3, "kind": "polymer" } ] }""", "demo.json: items[0].name: expected a string")]
    [TestCase("""{ "items": [ """, "demo.json: ")]
    public void A_file_that_does_not_fit_its_type_is_a_build_error(string json, string message)
    {
        var (source, diagnostics) = Run(json);

        Assert.That(diagnostics.Select(d => (d.Id, d.Severity)), Has.Some.EqualTo(("RLGEN001", DiagnosticSeverity.Error)));
        Assert.That(diagnostics.Select(d => d.GetMessage()), Has.Some.Contains(message));
        Assert.That(source, Does.Not.Contain("Read_demo"), "no reader is emitted for a file with errors");
    }

    [Test]
    public void An_edit_elsewhere_in_the_project_does_not_rerun_the_generation()
    {
        var compilation = Compile();
        GeneratorDriver driver = Driver("""{ "items": [ { "name": "A", "kind": "polymer" } ] }""", trackSteps: true);
        driver = driver.RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Demo; public class Unrelated { }")));

        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs);
        Assert.That(outputs.Select(o => o.Reason), Is.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    private static CSharpCompilation Compile() =>
        CSharpCompilation.Create("Demo", [CSharpSyntaxTree.ParseText(Types)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static CSharpGeneratorDriver Driver(string json, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create([new CatalogDataGenerator().AsSourceGenerator()], [new JsonFile("/catalog/demo.json", json)],
            optionsProvider: new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CatalogRoot"] = "Demo.Root" }),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static (string Source, ImmutableArray<Diagnostic> Diagnostics) Run(string json)
    {
        var result = Driver(json).RunGenerators(Compile()).GetRunResult();
        var source = result.GeneratedTrees.Length == 0 ? "" : result.GeneratedTrees[0].ToString();
        return (source, result.Diagnostics);
    }

    private sealed class JsonFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Values _file = new(values);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values([]);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
