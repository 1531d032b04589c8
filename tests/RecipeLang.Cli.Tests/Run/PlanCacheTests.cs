using System.IO.Abstractions;
using RecipeLang.Cli.Caching;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Tests.Run;

public class PlanCacheTests : ScratchFolderTest
{
    private const string Recipe = "recipe cached for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n  then anneal 850C O2 4h\n}\n";

    private string CacheFolder => Path.Combine(Folder, "cache");

    private IReadOnlyList<LoweredRecipe> Lower(string text)
    {
        var path = Write("cached.recipe", text);
        var analysis = new RecipeWorkspace(new FileSystem()).Analyze(new SourceText(text, path));
        Assert.That(analysis.HasErrors, Is.False, string.Join("; ", analysis.Diagnostics));
        return analysis.Recipes.Select(r => Lowerer.Lower(r, analysis.Catalog.Equipment, path)).ToList();
    }

    [Test]
    public void A_compile_is_stored_and_the_next_compile_of_the_same_recipes_reads_it_back()
    {
        var recipes = Lower(Recipe);
        var cache = new PlanCache(CacheFolder);
        var first = cache.Compile(recipes, out var key);
        var stored = Directory.GetFiles(CacheFolder);
        Assert.That(key, Is.EqualTo(CompilationKey.Compute(recipes)));
        Assert.That(stored.Select(Path.GetFileName), Is.EqualTo(new[] { key + ".dll" }));
        Assert.That(File.ReadAllBytes(stored[0]), Is.EqualTo(first.Image.ToArray()));

        // Mark the entry: the second compile must return the stored bytes, not compile again.
        var marked = first.Image.ToArray().Append((byte)42).ToArray();
        File.WriteAllBytes(stored[0], marked);
        Assert.That(cache.Compile(recipes, out _).Image.ToArray(), Is.EqualTo(marked));
    }

    [Test]
    public void A_changed_recipe_is_compiled_again_into_its_own_entry_and_runs_as_changed()
    {
        var cache = new PlanCache(CacheFolder);
        cache.Compile(Lower(Recipe), out _);
        var changed = cache.Compile(Lower(Recipe.Replace("850C", "800C", StringComparison.Ordinal)), out _);
        Assert.That(Directory.GetFiles(CacheFolder), Has.Length.EqualTo(2));
        Assert.That(changed.Load().Single().Steps.Select(s => s.Description), Does.Contain("anneal 800C O2 4h"));
    }

    [Test]
    public void Past_its_size_the_cache_drops_the_plans_used_longest_ago()
    {
        var cache = new PlanCache(CacheFolder, maxEntries: 2);
        var first = Lower(Recipe);
        cache.Compile(first, out var firstKey);
        cache.Compile(Lower(Recipe.Replace("850C", "800C", StringComparison.Ordinal)), out var secondKey);
        // Make the first the oldest, then use it: the second is now the one used longest ago.
        File.SetLastWriteTimeUtc(Path.Combine(CacheFolder, firstKey + ".dll"), DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(Path.Combine(CacheFolder, secondKey + ".dll"), DateTime.UtcNow.AddDays(-1));
        Assert.That(cache.Find(firstKey!), Is.Not.Null);

        cache.Compile(Lower(Recipe.Replace("850C", "750C", StringComparison.Ordinal)), out var thirdKey);

        Assert.That(Directory.GetFiles(CacheFolder).Select(Path.GetFileName), Is.EquivalentTo(new[] { firstKey + ".dll", thirdKey + ".dll" }));
    }

    [Test]
    public void An_evicted_entry_is_compiled_again()
    {
        var recipes = Lower(Recipe);
        var cache = new PlanCache(CacheFolder);
        cache.Compile(recipes, out _);
        cache.Evict(CompilationKey.Compute(recipes));
        Assert.That(Directory.GetFiles(CacheFolder), Is.Empty);
        Assert.That(cache.Compile(recipes, out _).Load().Single().Name, Is.EqualTo("cached"));
    }

    [Test]
    public void Without_a_folder_nothing_is_stored_and_plans_still_compile()
    {
        Assert.That(new PlanCache(null).Compile(Lower(Recipe), out var key).Success, Is.True);
        Assert.That(key, Is.Null, "no entry holds them");
        Assert.That(Directory.Exists(CacheFolder), Is.False);
    }
}
