using System.IO.Abstractions;
using RecipeLang.Cli.Caching;
using RecipeLang.Cli.Input;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Tests.Run;

/// <summary>
/// The plan cache's direct mode (<see cref="PlanManifests"/>): a repeated dry run finds its plan from its inputs, and
/// any change to an input the manifest names, or damage to the manifest, runs the full path instead.
/// </summary>
public class DryRunManifestTests : ScratchFolderTest
{
    private const string Library = "recipe heat(T: temperature = 800C) {\n  anneal T O2 4h\n}\n";

    private const string Main = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n  then wash water x3\n  then dry 80C 12h vacuum\n  then use heat\n}\n";

    private string? _cacheBefore;

    private string Cache => Path.Combine(Folder, "cache");

    private string Manifests => Path.Combine(Cache, "inputs");

    [SetUp]
    public void UseOwnCache()
    {
        _cacheBefore = Environment.GetEnvironmentVariable("RECIPELANG_CACHE");
        Environment.SetEnvironmentVariable("RECIPELANG_CACHE", Cache);
        Write("lib.recipe", Library);
        Write("main.recipe", Main);
    }

    [TearDown]
    public void RestoreCache() => Environment.SetEnvironmentVariable("RECIPELANG_CACHE", _cacheBefore);

    private CliRunner.Result DryRun(string recipe = "main.recipe") =>
        InProcessCli.Run("run", Path.Combine(Folder, recipe), "--simulate", "--plot", Path.Combine(Folder, "plot.svg"));

    private string OnlyManifest() => Directory.GetFiles(Manifests).Single();

    /// <summary>A manifest dated long ago: a run that writes it (a miss) gives it today's date, a hit leaves it.</summary>
    private static void Backdate(string manifest) => File.SetLastWriteTimeUtc(manifest, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static bool Rewritten(string manifest) => File.GetLastWriteTimeUtc(manifest).Year > 2000;

    [Test]
    public void A_repeated_dry_run_is_a_hit_and_prints_what_the_first_run_printed()
    {
        var miss = DryRun();
        Assert.That(miss.ExitCode, Is.EqualTo(0), miss.Output + miss.Error);
        var manifest = OnlyManifest();
        Backdate(manifest);

        var hit = DryRun();

        Assert.That(Rewritten(manifest), Is.False, "a hit reads the manifest and writes nothing");
        Assert.That((hit.ExitCode, hit.Output, hit.Error), Is.EqualTo((miss.ExitCode, miss.Output, miss.Error)));
        Assert.That(hit.Output, Does.Contain("'anneal T O2 4h' (").And.Contain("completed in"));
    }

    [Test]
    public void An_edited_recipe_is_a_miss_and_runs_as_edited()
    {
        DryRun();
        Write("main.recipe", Main.Replace("180C 3h", "180C 5h", StringComparison.Ordinal));

        var result = DryRun();

        Assert.That(result.Output, Does.Contain("'hydrothermal 4M LiOH 180C 5h'"));
        Assert.That(Directory.GetFiles(Manifests), Has.Length.EqualTo(2), "the edited recipe has its own manifest");
    }

    [Test]
    public void An_edited_import_is_a_miss_and_runs_as_edited()
    {
        DryRun();
        var manifest = OnlyManifest();
        Backdate(manifest);
        Write("lib.recipe", Library.Replace("4h", "5h", StringComparison.Ordinal));

        var result = DryRun();

        Assert.That(result.Output, Does.Contain("'anneal T O2 5h'").And.Not.Contain("'anneal T O2 4h'"));
        Assert.That(Rewritten(manifest), Is.True, "the miss records the import as it now reads");
    }

    [Test]
    public void An_edited_site_file_is_a_miss_and_the_recipe_is_checked_under_it()
    {
        Write("recipelang.json", "{ \"equipment\": { \"furnaceMaxC\": 1100 } }");
        Assert.That(DryRun().ExitCode, Is.EqualTo(0));
        Write("recipelang.json", "{ \"equipment\": { \"furnaceMaxC\": 700 } }");

        var result = DryRun();

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output);
        Assert.That(result.Output, Does.Contain("Nothing compiled"));
    }

    [Test]
    public void A_site_file_added_above_the_recipe_is_a_miss()
    {
        Assert.That(DryRun().ExitCode, Is.EqualTo(0));
        Write("recipelang.json", "{ \"equipment\": { \"furnaceMaxC\": 700 } }");

        Assert.That(DryRun().Output, Does.Contain("Nothing compiled"));
    }

    [Test]
    public void The_same_recipe_at_another_path_is_a_miss_and_its_plan_names_that_path()
    {
        DryRun();
        Write(Path.Combine("copy", "lib.recipe"), Library);
        Write(Path.Combine("copy", "main.recipe"), Main);

        var result = DryRun(Path.Combine("copy", "main.recipe"));

        Assert.That(result.Output, Does.Contain(Path.Combine(Folder, "copy", "main.recipe") + ":3:3"));
        Assert.That(Directory.GetFiles(Manifests), Has.Length.EqualTo(2));
    }

    /// <summary>
    /// Cut short, a manifest would list fewer files (here none: the cut falls in the import's line); damaged or empty,
    /// it lists nothing readable. Either way the changed import must be seen, and the manifest is written again whole.
    /// </summary>
    [TestCase("truncated")]
    [TestCase("garbage")]
    [TestCase("empty")]
    public void A_damaged_manifest_falls_back_to_the_full_path(string damage)
    {
        DryRun();
        var manifest = OnlyManifest();
        Write("lib.recipe", Library.Replace("4h", "5h", StringComparison.Ordinal));
        File.WriteAllText(manifest, damage switch
        {
            "truncated" => File.ReadAllText(manifest)[..(File.ReadLines(manifest).First().Length + 20)],
            "garbage" => "\u0000\u00ff not a manifest {",
            _ => "",
        });

        var result = DryRun();

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("'anneal T O2 5h'"));
        Backdate(manifest);
        Assert.That(DryRun().Output, Is.EqualTo(result.Output));
        Assert.That(Rewritten(manifest), Is.False, "the rewritten manifest serves the next run");
    }

    [Test]
    public void A_plan_missing_from_the_cache_is_compiled_again()
    {
        var first = DryRun();
        File.Delete(Directory.GetFiles(Cache, "*.dll").Single());

        var again = DryRun();

        Assert.That(again.Output, Is.EqualTo(first.Output));
        Assert.That(Directory.GetFiles(Cache, "*.dll"), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_recipe_with_errors_writes_no_manifest()
    {
        Write("main.recipe", Main.Replace("then use heat", "then use missing_recipe", StringComparison.Ordinal));

        var result = DryRun();

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Output, Does.Contain("Nothing compiled"));
        Assert.That(Directory.Exists(Manifests) ? Directory.GetFiles(Manifests) : [], Is.Empty);
    }

    [Test]
    public void An_import_that_was_missing_and_now_exists_is_a_miss()
    {
        // lib.recipe imports a file that is not there: the analysis records it as read and missing.
        Write("lib.recipe", "import \"extra.recipe\"\n" + Library);
        var main = Path.Combine(Folder, "main.recipe");
        var analysis = new RecipeWorkspace(new FileSystem()).Analyze(new SourceText(File.ReadAllText(main), main));
        var recipe = new RecipeFile(main, main, Named: true);
        var key = PlanManifests.Key(recipe, analysis.Source.Text, null, null)!;
        var plan = new string('a', 64);
        PlanManifests.Store(Cache, key, analysis, plan, PlanCache.DefaultMaxEntries);
        Assert.That(PlanManifests.FindPlan(Cache, key), Is.EqualTo(plan));

        Write("extra.recipe", "recipe cool {\n  anneal 700C O2 1h\n}\n");

        Assert.That(PlanManifests.FindPlan(Cache, key), Is.Null);
    }

    [Test]
    public void Past_its_size_the_cache_keeps_the_manifests_written_last()
    {
        var main = Path.Combine(Folder, "main.recipe");
        var analysis = new RecipeWorkspace(new FileSystem()).Analyze(new SourceText(File.ReadAllText(main), main));
        var recipe = new RecipeFile(main, main, Named: true);
        var keys = new[] { "a", "b", "c" }.Select(text => PlanManifests.Key(recipe, text, null, null)!).ToArray();
        var plan = new string('a', 64);
        foreach (var key in keys)
        {
            PlanManifests.Store(Cache, key, analysis, plan, maxEntries: 2);
            Backdate(Path.Combine(Manifests, key));
            File.SetLastWriteTimeUtc(Path.Combine(Manifests, key), File.GetLastWriteTimeUtc(Path.Combine(Manifests, key)).AddDays(Array.IndexOf(keys, key)));
        }

        Assert.That(Directory.GetFiles(Manifests).Select(Path.GetFileName), Is.EquivalentTo(keys[1..]));
    }

    [Test]
    public void The_key_changes_with_every_input_named_before_the_analysis()
    {
        var recipe = new RecipeFile("main.recipe", Path.Combine(Folder, "main.recipe"), Named: true);
        var keys = new[]
        {
            PlanManifests.Key(recipe, Main, null, null),
            PlanManifests.Key(recipe with { DisplayPath = "./main.recipe" }, Main, null, null),
            PlanManifests.Key(recipe with { FullPath = Path.Combine(Folder, "other.recipe") }, Main, null, null),
            PlanManifests.Key(recipe, Main + " ", null, null),
            PlanManifests.Key(recipe, Main, Path.Combine(Folder, "recipelang.json"), "{}"),
            PlanManifests.Key(recipe, Main, Path.Combine(Folder, "recipelang.json"), "{ }"),
            PlanManifests.Key(recipe, Main, Path.Combine(Folder, "..", "recipelang.json"), "{}"),
            // The same characters in another field must not give the same bytes.
            PlanManifests.Key(recipe, Main, "{}", null),
            PlanManifests.Key(recipe, Main, null, "{}"),
        };
        Assert.That(keys, Has.None.Null);
        Assert.That(keys, Is.Unique);
    }
}
