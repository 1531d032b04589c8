using System.Text.Json;
using RecipeLang.Catalog;
using RecipeLang.Core.Tests.Examples;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>
/// The catalog is compiled from its JSON files (RecipeLang.Generators): what the generated code builds must be
/// exactly what System.Text.Json reads from the same files with the catalog's options.
/// </summary>
public class CatalogDataTests
{
    public static IEnumerable<string> DataFiles() =>
        Directory.EnumerateFiles(Path.Combine(ExampleFiles.RepositoryRoot, "src/RecipeLang.Core/Catalog/Data"), "*.json")
            .Order(StringComparer.Ordinal);

    [Test]
    public void GeneratedDataEqualsTheJsonFiles()
    {
        var files = DataFiles().Where(f => Path.GetFileName(f) != "limits.json").ToArray();
        var generated = CatalogData.CatalogFileFiles();
        Assert.That(generated, Has.Length.EqualTo(files.Length), "one generated reader per file");
        for (var i = 0; i < files.Length; i++)
        {
            var read = JsonSerializer.Deserialize<CatalogFile>(File.ReadAllText(files[i]), CatalogJson.Options);
            Assert.That(Serialize(generated[i]), Is.EqualTo(Serialize(read)), Path.GetFileName(files[i]));
        }
    }

    [Test]
    public void GeneratedLimitsEqualTheJsonFile()
    {
        var read = JsonSerializer.Deserialize<ProcessLimits>(File.ReadAllText(DataFiles().Single(f => Path.GetFileName(f) == "limits.json")), CatalogJson.Options);
        Assert.That(Serialize(CatalogData.ProcessLimitsFiles().Single()), Is.EqualTo(Serialize(read)));
    }

    // Every public property is written, defaults included, so a value the generator dropped or invented shows.
    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, new JsonSerializerOptions(CatalogJson.Options) { WriteIndented = true });
}
