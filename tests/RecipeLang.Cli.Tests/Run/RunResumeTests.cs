using System.Text.Json;
using System.Text.RegularExpressions;

namespace RecipeLang.Cli.Tests.Run;

public class RunResumeTests : ScratchFolderTest
{
    private const string RunStarted = """{"event":"run-started","at":"2025-01-01T00:00:00+00:00","plan":"ncm523_hydrothermal","planHash":"x","resumeAt":0}""";

    private string Journal => Path.Combine(Folder, "run.jsonl");

    [SetUp]
    public void WriteRecipes()
    {
        Write("hydro.recipe", File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "examples/table1/03-ncm523-hydrothermal-lioh-220c.recipe")));
        Write("etch.recipe", File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "examples/table1/10-ncm523-citric-acid-etch.recipe")));
    }

    [Test]
    public void Resume_from_a_journal_that_does_not_exist_is_a_usage_error_and_runs_nothing()
    {
        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl", "--resume");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "recipelang: nothing to resume: run.jsonl does not exist")));
        Assert.That(File.Exists(Journal), Is.False);
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void Resume_from_a_journal_with_a_garbage_line_names_file_and_line_and_leaves_it_untouched()
    {
        var text = RunStarted + "\ngarbage\n";
        Write("run.jsonl", text);

        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl", "--resume");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
        Assert.That(result.Error, Does.StartWith("recipelang: run.jsonl:2: not a journal event ("));
        Assert.That(result.Error.Trim(), Does.Not.Contain('\n'));
        Assert.That(File.ReadAllText(Journal), Is.EqualTo(text));
    }

    [Test]
    public void Resume_with_another_plan_is_refused_naming_both_plans_and_hashes_and_leaves_the_journal_untouched()
    {
        var first = CliRunner.Run(Folder, "run", "etch.recipe", "--simulate", "--journal", "run.jsonl");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        var before = File.ReadAllText(Journal);

        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl", "--resume");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
        Assert.That(result.Error, Does.StartWith("recipelang: run.jsonl holds a run of plan 'ncm523_citric_etch' (plan hash "));
        Assert.That(result.Error, Does.Contain("not of 'ncm523_hydrothermal' (plan hash "));
        Assert.That(Regex.Matches(result.Error, "[0-9a-f]{64}").Select(m => m.Value).Distinct().Count(), Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.Not.Contain('\n'));
        Assert.That(File.ReadAllText(Journal), Is.EqualTo(before));
    }

    [Test]
    public void Resume_of_a_completed_run_says_so_exits_0_and_runs_nothing()
    {
        var first = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        var before = File.ReadAllText(Journal);

        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl", "--resume");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output.Trim(), Is.EqualTo("plan ncm523_hydrothermal already completed in run.jsonl; nothing to resume"));
        Assert.That(File.ReadAllText(Journal), Is.EqualTo(before));
    }

    [Test]
    public void Resume_after_a_kill_runs_the_rest_and_continues_the_journal_clock()
    {
        var first = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl");
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        // Cut the journal as a kill inside step 3 would have left it: run-started, steps 1 and 2 (with their charges), step 3 started.
        var lines = File.ReadAllLines(Journal);
        var kept = lines.Take(Array.FindIndex(lines, l => l.Contains("\"event\":\"step-started\"") && l.Contains("\"step\":2,")) + 1).ToArray();
        File.WriteAllLines(Journal, kept);

        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl", "--resume");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(Regex.Matches(result.Output, "skipped \\(finished before\\)").Count, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain("Plan 'ncm523_hydrothermal' completed."));
        var stamps = File.ReadAllLines(Journal).Select(Stamp).ToList();
        Assert.That(stamps, Is.Ordered, "time stamps never go backwards in the append-only journal");
        Assert.That(stamps[kept.Length], Is.EqualTo(Stamp(kept[^1])), "the resumed run starts at the journal's last time");
        Assert.That(stamps[^1], Is.GreaterThan(Stamp(kept[^1])));
    }

    [Test]
    public void An_empty_journal_file_takes_a_fresh_run_without_resume()
    {
        Write("run.jsonl", "");

        var result = CliRunner.Run(Folder, "run", "hydro.recipe", "--simulate", "--journal", "run.jsonl");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(File.ReadAllLines(Journal)[0], Does.StartWith("{\"event\":\"run-started\""));
    }

    [Test]
    public void A_journal_for_an_assembly_of_several_plans_is_a_usage_error()
    {
        var compile = CliRunner.Run(Folder, "compile", "hydro.recipe", "etch.recipe", "-o", "plans.dll");
        Assert.That(compile.ExitCode, Is.EqualTo(0), compile.Output + compile.Error);

        var result = CliRunner.Run(Folder, "run", "plans.dll", "--simulate", "--journal", "run.jsonl");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo(
            (2, "recipelang: plans.dll holds 2 plans, but a journal records one plan's run; run them one at a time or without --journal")));
        Assert.That(File.Exists(Journal), Is.False);
    }

    private static DateTimeOffset Stamp(string line)
    {
        using var entry = JsonDocument.Parse(line);
        return entry.RootElement.GetProperty("at").GetDateTimeOffset();
    }
}
