using System.Text;
using System.Text.Json;

namespace RecipeLang.Cli.Tests.BadInput;

/// <summary>One test per row of the bad-input table in docs/exit-codes.md: input → exit code → message.</summary>
public class BadInputTests : ScratchFolderTest
{
    private const string Good = "recipe good for NCM523 {\n  anneal 850C O2 4h\n}\n";
    private const string WithError = "recipe broken for NCM523 {\n  anneal 850C ) O2\n}\n";

    private string P(string name) => Path.Combine(Folder, name);

    [Test]
    public void Missing_path()
    {
        var result = InProcessCli.Run("check", P("missing.recipe"));

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, $"recipelang: {P("missing.recipe")}: no such file or directory")));
    }

    [Test]
    public void A_TLS_CA_that_is_missing_or_not_a_certificate_is_refused_before_connecting()
    {
        Write("good.recipe", Good);
        Write("ca.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");

        var missing = InProcessCli.Run("run", P("good.recipe"), "--broker", "mqtts://127.0.0.1:1", "--tls-ca", P("none.pem"));
        var garbage = InProcessCli.Run("run", P("good.recipe"), "--broker", "mqtts://127.0.0.1:1", "--tls-ca", P("ca.pem"));

        Assert.That((missing.ExitCode, missing.Error.Trim()), Is.EqualTo((2, $"recipelang: --tls-ca {P("none.pem")}: no such file")));
        Assert.That(garbage.ExitCode, Is.EqualTo(2));
        Assert.That(garbage.Error.Trim(), Does.StartWith($"recipelang: --tls-ca {P("ca.pem")}: not a PEM or DER certificate ("));
    }

    [TestCase(new[] { "check", "--max-diagnostics", "abc", "x.recipe" }, "recipelang: --max-diagnostics takes a count, 0 or more (not 'abc')")]
    [TestCase(new[] { "lint", "--max-diagnostics", "-1", "x.recipe" }, "recipelang: --max-diagnostics takes a count, 0 or more (not '-1')")]
    [TestCase(new[] { "compile", "x.recipe", "-o", "plan.cs" }, "recipelang: -o plan.cs names a cs file, but --emit is dll; pass --emit cs, or name the output for dll")]
    [TestCase(new[] { "compile", "x.recipe", "--emit", "cs", "-o", "plans.dll" }, "recipelang: -o plans.dll names a dll file, but --emit is cs; pass --emit dll, or name the output for cs")]
    [TestCase(new[] { "run", "x.recipe", "--simulate", "--tls", "--line", "2" }, "recipelang: --tls, --line go with --broker; the simulated plant (--simulate) takes none of them")]
    [TestCase(new[] { "plant", "simulate", "--port", "70000" }, "recipelang: --port must be a TCP port number from 1 to 65535")]
    [TestCase(new[] { "plant", "simulate", "--for", "-1" }, "recipelang: --for must be a positive number of wall seconds, at most 2147483")]
    public void An_option_value_out_of_range_is_a_usage_error(string[] args, string message)
    {
        var result = InProcessCli.Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith(message));
    }

    [Test]
    public void Path_holding_a_NUL()
    {
        var result = InProcessCli.Run("check", "a\0b.recipe");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, @"recipelang: 'a\u0000b.recipe': no such file or directory")));
    }

    [Test]
    public void Not_UTF8_in_a_folder_is_reported_after_the_other_files()
    {
        File.WriteAllBytes(P("bad.recipe"), [0x61, 0xFF, 0xFE]);
        Write("other.recipe", WithError);

        var result = InProcessCli.Run("check", Folder);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain("other.recipe:2:15: error RL0003"), "the other file is still checked");
        Assert.That(result.Error.Trim(), Is.EqualTo($"recipelang: {P("bad.recipe")}: not valid UTF-8; save the file as UTF-8"));
    }

    [Test]
    public void Binary_file()
    {
        File.WriteAllBytes(P("image.recipe"), [0x61, 0x00, 0x62, 0x00]);

        var result = InProcessCli.Run("check", P("image.recipe"));

        Assert.That((result.ExitCode, result.Error.Trim()),
            Is.EqualTo((2, $"recipelang: {P("image.recipe")}: a binary file (it holds NUL bytes), not a recipe; a recipe is UTF-8 text")));
    }

    [Test]
    public void Empty_file_checks_clean_but_has_nothing_to_run()
    {
        Write("empty.recipe", "");

        var check = InProcessCli.Run("check", P("empty.recipe"));
        var run = InProcessCli.Run("run", P("empty.recipe"), "--simulate", "--plot", P("p.svg"));

        Assert.That((check.ExitCode, check.Output.Trim()), Is.EqualTo((0, "Checked 1 file: 0 errors, 0 warnings, 0 infos.")));
        Assert.That((run.ExitCode, run.Output.Trim()), Is.EqualTo((1, $"{P("empty.recipe")}: nothing to run: it holds no recipe and no steps")));
    }

    [Test]
    public void Twenty_thousand_nested_parentheses_report_the_first_thousand_diagnostics_and_count_the_rest()
    {
        Write("nested.recipe", "recipe r for NCM523 {\n  coat " + string.Concat(Enumerable.Repeat("(H", 20_000)) + new string(')', 20_000) + "\n}\n");

        var limited = InProcessCli.Run("check", P("nested.recipe"));
        var all = InProcessCli.Run("check", "--max-diagnostics", "0", P("nested.recipe"));

        var lines = limited.Output.Trim().Split('\n');
        Assert.That(limited.ExitCode, Is.EqualTo(1));
        Assert.That(lines, Has.Length.EqualTo(1002), "1,000 diagnostics, the notice, the summary");
        Assert.That(lines[^2], Does.EndWith("error RL0011: 59,000 more diagnostics from here on are not shown (59,000 errors): only the first 1,000 of a file are reported; fix the ones above and check again"));
        Assert.That(lines[^1], Is.EqualTo("Checked 1 file: 60000 errors, 0 warnings, 0 infos (59,000 of them not shown)."), "the summary counts what the notice stands for");
        Assert.That(all.Output.Trim().Split('\n')[^1], Is.EqualTo("Checked 1 file: 60000 errors, 0 warnings, 0 infos."));
    }

    [Test]
    public void Huge_file_of_50_MB_is_refused_by_its_size_without_being_read()
    {
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("then anneal 850C O2 4h\n", 45_590)));
        using (var stream = File.Create(P("huge.recipe")))
        {
            for (var i = 0; i < 50; i++)
            {
                stream.Write(block);
            }
        }

        var result = InProcessCli.Run("check", P("huge.recipe"));

        Assert.That((result.ExitCode, result.Error.Trim()),
            Is.EqualTo((2, $"recipelang: {P("huge.recipe")}: too large to be a recipe (50 MiB; the limit is 16 MiB)")));
    }

    [Test]
    public void Unreadable_file_in_a_folder_is_reported_after_the_others()
    {
        Write("good.recipe", Good);
        File.CreateSymbolicLink(P("dangling.recipe"), P("nowhere.recipe"));

        var result = InProcessCli.Run("check", Folder);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain("Checked 1 file: 0 errors"));
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {P("dangling.recipe")}: cannot read: "));
    }

    [Test]
    public void Unreadable_by_permission()
    {
        Assume.That(!OperatingSystem.IsWindows() && Environment.UserName != "root", "root reads any file; Windows has no Unix modes");
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Write("locked.recipe", Good);
        File.SetUnixFileMode(P("locked.recipe"), UnixFileMode.None);

        var result = InProcessCli.Run("check", P("locked.recipe"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {P("locked.recipe")}: cannot read: "));
    }

    [Test]
    public void Symlink_loop_follows_each_real_folder_once()
    {
        Write("lib/a.recipe", Good);
        Directory.CreateDirectory(P("lib/sub"));
        Directory.CreateSymbolicLink(P("lib/sub/up"), P("lib"));
        Directory.CreateSymbolicLink(P("lib/again"), P("lib/sub"));

        var result = InProcessCli.Run("check", P("lib"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.Contain("Checked 1 file"));
    }

    [Test]
    public void Large_folder_of_2000_files()
    {
        for (var i = 0; i < 2000; i++)
        {
            File.WriteAllText(P($"r{i}.recipe"), $"recipe r{i} for NCM523 {{ anneal 850C O2 4h }}\n");
        }

        var result = InProcessCli.Run("check", Folder);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output.Trim(), Is.EqualTo("Checked 2000 files: 0 errors, 0 warnings, 0 infos."));
    }

    [TestCase("{ \"equipment\": ", "recipelang.json:2:1: error: ")]
    [TestCase("[1, 2]", "recipelang.json:1:1: error: The config must be a JSON object")]
    [TestCase("\"\\u0000\"", "recipelang.json:1:1: error: The config must be a JSON object")]
    public void Malformed_recipelang_json(string json, string expected)
    {
        Write("recipelang.json", json + "\n");
        Write("a.recipe", Good);

        var result = InProcessCli.Run("check", P("a.recipe"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.Contain(expected));
    }

    [Test]
    public void Hostile_recipelang_json_nested_100000_deep()
    {
        Write("recipelang.json", new string('[', 100_000) + new string(']', 100_000));
        Write("a.recipe", Good);

        var result = InProcessCli.Run("check", P("a.recipe"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith("recipelang: ").And.Contain("recipelang.json:1:"));
    }

    /// <summary>A command that writes its lint report, plot or journal to <paramref name="target"/>, for a.recipe.</summary>
    private string[] WritingTo(string output, string target) => output switch
    {
        "lint" => ["lint", P("a.recipe"), "-o", target],
        "plot" => ["run", P("a.recipe"), "--simulate", "--plot", target],
        _ => ["run", P("a.recipe"), "--simulate", "--journal", target, "--plot", P("p.svg")],
    };

    [TestCase("lint")]
    [TestCase("plot")]
    [TestCase("journal")]
    public void Unwritable_output_is_one_line_and_nothing_half_written(string output)
    {
        Write("a.recipe", Good);
        Write("file.txt", "a file, not a folder");
        var target = P("file.txt/out." + (output == "plot" ? "svg" : "jsonl"));

        var result = InProcessCli.Run(WritingTo(output, target));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"recipelang: {target}: "));
        Assert.That(Directory.GetFiles(Folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "a.recipe", "file.txt" }));
    }

    [TestCase("lint")]
    [TestCase("plot")]
    [TestCase("journal")]
    public void An_output_in_a_missing_folder_names_the_folder(string output)
    {
        Write("a.recipe", Good);
        var target = P("missing/out." + (output == "plot" ? "svg" : "jsonl"));

        var result = InProcessCli.Run(WritingTo(output, target));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Output + result.Error);
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {target}: cannot write").And.EndWith($"the folder {P("missing")} does not exist"));
    }

    [Test]
    public void Truncated_journal_line_in_the_middle()
    {
        Write("a.recipe", Good);
        Write("run.jsonl", "{\"event\":\"run-started\",\"at\":\"2025-01-01T00:00:00+00:00\",\"plan\":\"good\",\"planHash\":\"x\",\"resumeAt\":0}\n{\"event\":\"step-sta\n{\"event\":\"fault\",\"at\":\"2025-01-01T00:00:00+00:00\"}\n");

        var result = InProcessCli.Run("run", P("a.recipe"), "--simulate", "--journal", P("run.jsonl"), "--resume");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {P("run.jsonl")}:2: not a journal event ("));
    }

    [Test]
    public void Journal_with_a_completion_without_its_start_is_refused_naming_the_line()
    {
        Write("a.recipe", Good);
        var first = InProcessCli.Run("run", P("a.recipe"), "--simulate", "--journal", P("run.jsonl"), "--plot", P("p.svg"));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        // Keep run-started only, then claim step 0 completed: resuming would skip a step that never ran.
        var lines = File.ReadAllLines(P("run.jsonl"));
        var completed = lines.First(l => l.Contains("\"step-completed\""));
        File.WriteAllLines(P("run.jsonl"), [lines[0], completed]);

        var result = InProcessCli.Run("run", P("a.recipe"), "--simulate", "--journal", P("run.jsonl"), "--resume", "--plot", P("p.svg"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {P("run.jsonl")}:2: inconsistent journal: step 0 completed, but this run never started it"));
    }

    [Test]
    public void Journal_with_a_step_out_of_range_is_refused_naming_the_line()
    {
        Write("a.recipe", Good);
        var first = InProcessCli.Run("run", P("a.recipe"), "--simulate", "--journal", P("run.jsonl"), "--plot", P("p.svg"));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Output + first.Error);
        var lines = File.ReadAllLines(P("run.jsonl"));
        var started = lines[0];
        var stepStarted = lines.First(l => l.Contains("\"step-started\"")).Replace("\"step\":0", "\"step\":99");
        var stepCompleted = lines.First(l => l.Contains("\"step-completed\"")).Replace("\"step\":0", "\"step\":99");
        File.WriteAllLines(P("run.jsonl"), [started, stepStarted, stepCompleted]);

        var result = InProcessCli.Run("run", P("a.recipe"), "--simulate", "--journal", P("run.jsonl"), "--resume", "--plot", P("p.svg"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain($"{P("run.jsonl")}:3: inconsistent journal: step 99 completed, but plan 'good' has "));
    }

    [TestCase("text")]
    [TestCase("foreign")]
    public void Plan_assembly_not_made_by_RecipeLang(string kind)
    {
        var path = P("plans.dll");
        if (kind == "text")
        {
            File.WriteAllText(path, "not an assembly");
        }
        else
        {
            File.Copy(typeof(JsonDocument).Assembly.Location is { Length: > 0 } location ? location : throw new InvalidOperationException(), path);
        }

        var result = InProcessCli.Run("run", path, "--simulate");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.StartWith($"recipelang: {path}: not an assembly of RecipeLang plans ("));
    }
}
