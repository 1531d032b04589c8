using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using RecipeLang.Configuration;
using RecipeLang.Core.Tests.Examples;

namespace RecipeLang.Core.Tests.Configuration;

/// <summary>
/// schemas/recipelang.schema.json is the one description of recipelang.json: VS Code validates with it,
/// the CLI reads the same shape into records. These tests keep the two in step.
/// </summary>
public partial class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(ExampleFiles.RepositoryRoot, "schemas", "recipelang.schema.json");

    private static JsonSchema Schema { get; } = JsonSchema.FromFileAsync(SchemaPath).GetAwaiter().GetResult();

    private static ICollection<ValidationError> Validate(string json) => Schema.Validate(json);

    [Test]
    public void The_documented_example_is_valid_for_the_schema_and_the_cli()
    {
        var docs = File.ReadAllText(Path.Combine(ExampleFiles.RepositoryRoot, "docs", "configuration.md"));
        var example = JsoncBlock().Match(docs).Groups[1].Value;
        Assert.That(example, Does.Contain("\"equipment\""));
        Assert.That(Validate(example), Is.Empty);
        Assert.That(SiteConfig.Parse(example, "recipelang.json").Errors, Is.Empty);
    }

    [TestCase("""{ "equipment": { "furnaceMax": 1100 } }""")]
    [TestCase("{\n  \"equipment\": {\n    \"autoclaveMaxC\": -5\n  }\n}")]
    [TestCase("{\n  \"equipment\": {\n    \"gases\": [\"helium\"]\n  }\n}")]
    [TestCase("{\n  \"rules\": {\n    \"RL3004\": \"loud\"\n  }\n}")]
    [TestCase("{\n  \"rules\": {\n    \"max-params\": \"off\"\n  }\n}")]
    [TestCase("{\n  \"coatings\": [\n    { \"name\": \"X\", \"kind\": \"ceramic\", \"survivesUpToC\": 900, \"source\": \"s\" }\n  ]\n}")]
    [TestCase("{\n  \"materials\": [\n    { \"name\": \"X\" }\n  ]\n}")]
    [TestCase("{\n  \"exclude\": [\n    \"\"\n  ]\n}")]
    [TestCase("{\n\n  \"equipmnet\": {}\n}")]
    public void Schema_and_cli_reject_the_same_mistake_on_the_same_line(string json)
    {
        var schemaErrors = Validate(json);
        Assert.That(schemaErrors, Is.Not.Empty, "the schema accepts it");
        var cliErrors = SiteConfig.Parse(json, "recipelang.json").Errors;
        Assert.That(cliErrors, Is.Not.Empty, "the CLI accepts it");
        var schemaLines = schemaErrors.SelectMany(Flatten).Select(e => e.LineNumber).ToList();
        Assert.That(schemaLines, Does.Contain(cliErrors[0].Line), $"schema: {string.Join("; ", schemaErrors)}; cli: {cliErrors[0]}");
        Assert.That(cliErrors[0].Column, Is.GreaterThan(1));
    }

    [Test]
    public void Every_record_property_is_in_the_schema_and_nothing_else()
    {
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default)
        {
            TypeInfoResolver = SiteConfigJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        };
        Compare(options.GetTypeInfo(typeof(SiteConfigJson)), Schema, "$");
    }

    private static void Compare(JsonTypeInfo type, JsonSchema schema, string path)
    {
        schema = schema.ActualSchema;
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                var properties = schema.ActualProperties;
                Assert.That(properties.Keys, Is.EquivalentTo(type.Properties.Select(p => p.Name)), path);
                Assert.That(schema.AllowAdditionalProperties, Is.False, $"{path}: a typo must be an error in the editor too");
                foreach (var property in type.Properties)
                    Compare(type.Options.GetTypeInfo(property.PropertyType), properties[property.Name], $"{path}.{property.Name}");
                break;
            case JsonTypeInfoKind.Enumerable:
                Assert.That(schema.Item, Is.Not.Null, $"{path}: an array in the records");
                Compare(type.Options.GetTypeInfo(type.ElementType!), schema.Item!, $"{path}[]");
                break;
        }
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child
            ? child.Errors.Values.SelectMany(e => e).SelectMany(Flatten).Prepend(error)
            : [error];

    [GeneratedRegex(@"```jsonc\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsoncBlock();
}
