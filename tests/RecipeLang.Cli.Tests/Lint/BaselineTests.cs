using System.Text.Json;

namespace RecipeLang.Cli.Tests.Lint;

/// <summary>Adopting lint on a library that already has findings: accept them once, fail only on new ones.</summary>
public class BaselineTests : ScratchFolderTest
{
    private const string NiRichInAir = "recipe r for NCM811 {\n  anneal 760C air 4h\n}\n";

    [SetUp]
    public void WriteLibrary()
    {
        Write("lib/old.recipe", NiRichInAir);
        Write("lib/spare.recipe", "let T_spare = 900C\nrecipe g for NCM811 {\n  anneal 760C O2 4h\n}\n");
    }

    [Test]
    public void Write_records_every_finding_and_exits_clean()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "ci"));
        var result = CliRunner.Run(Folder, "lint", "lib", "--baseline", "write", "ci/baseline.json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Error, Does.Contain("Wrote 2 accepted findings to ci/baseline.json"));

        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "ci/baseline.json")));
        var findings = baseline.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("path").GetString(), f.GetProperty("code").GetString(), f.GetProperty("line").GetInt32())).ToList();
        Assert.That(findings, Is.EqualTo(new[] { ("../lib/old.recipe", "RL3002", 2), ("../lib/spare.recipe", "RL5001", 1) }), "paths relative to the baseline");
    }

    [Test]
    public void Use_accepts_the_recorded_findings_even_after_they_moved()
    {
        CliRunner.Run(Folder, "lint", "lib", "--baseline", "write", "baseline.json");
        Write("lib/old.recipe", "# lines above a finding move it\n\n" + NiRichInAir);

        var result = CliRunner.Run(Folder, "lint", "lib", "--baseline", "use", "baseline.json");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Does.Contain("0 errors").And.Contain("2 findings accepted by baseline.json."));

        var fromElsewhere = CliRunner.Run(Path.Combine(Folder, "lib"), "lint", ".", "--baseline", "use", "../baseline.json");
        Assert.That(fromElsewhere.ExitCode, Is.EqualTo(0), "the baseline works from another working directory");
    }

    [Test]
    public void A_new_finding_fails_and_is_the_only_one_reported()
    {
        CliRunner.Run(Folder, "lint", "lib", "--baseline", "write", "baseline.json");
        Write("lib/new.recipe", "recipe n for NCM811 {\n  anneal 760C N2 4h\n}\n");
        Write("lib/old.recipe", NiRichInAir + "recipe r2 for NCM811 {\n  anneal 760C air 4h\n}\n");

        var result = CliRunner.Run(Folder, "lint", "lib", "--baseline", "use", "baseline.json");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), result.Output);
        Assert.That(lines[0], Does.StartWith("lib/new.recipe:2:15: error RL3002:"));
        Assert.That(lines[1], Does.StartWith("lib/old.recipe:5:15: error RL3002:"), "a second copy of an accepted finding is new");
    }

    [Test]
    public void Fixed_findings_are_counted_so_the_baseline_can_shrink()
    {
        CliRunner.Run(Folder, "lint", "lib", "--baseline", "write", "baseline.json");
        Write("lib/old.recipe", "recipe r for NCM811 {\n  anneal 760C O2 4h\n}\n");

        var result = CliRunner.Run(Folder, "lint", "lib", "--baseline", "use", "baseline.json");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Error, Does.Contain("1 no longer occur, rewrite it with --baseline write to drop them."));
    }

    [Test]
    public void A_missing_or_malformed_baseline_is_a_usage_error_with_its_position()
    {
        var missing = CliRunner.Run(Folder, "lint", "lib", "--baseline", "use", "nope.json");
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Error.Trim(), Is.EqualTo("recipelang: nope.json: no such baseline; create it with 'recipelang lint PATHS --baseline write nope.json'"));

        Write("bad.json", "{\n  \"version\": 1,\n  \"findings\": [ { \"path\": 3 } ]\n}\n");
        var malformed = CliRunner.Run(Folder, "lint", "lib", "--baseline", "use", "bad.json");
        Assert.That(malformed.ExitCode, Is.EqualTo(2));
        Assert.That(malformed.Error, Does.StartWith("recipelang: bad.json:3:"));
        Assert.That(malformed.Error, Does.Not.Contain("   at "), "no stack trace");

        var mode = CliRunner.Run(Folder, "lint", "lib", "--baseline", "update", "b.json");
        Assert.That(mode.ExitCode, Is.EqualTo(2));
        Assert.That(mode.Error, Does.Contain("--baseline takes 'write FILE' or 'use FILE'"));

        var forgotten = InProcessCli.Run("lint", Path.Combine(Folder, "lib"), "--baseline", "b.json");
        Assert.That(forgotten.ExitCode, Is.EqualTo(2));
        Assert.That(forgotten.Error, Does.StartWith("recipelang: --baseline takes 'write FILE' or 'use FILE': say which, e.g. --baseline use b.json"));
    }
}
