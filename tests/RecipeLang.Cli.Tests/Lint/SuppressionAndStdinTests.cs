namespace RecipeLang.Cli.Tests.Lint;

public class SuppressionAndStdinTests : ScratchFolderTest
{
    [Test]
    public void Lint_honours_suppressions_and_reports_unused_and_reasonless_ones()
    {
        Write("lib/a.recipe", """
            # recipelang-disable-next-line RL3002: air anneal validated for this furnace, report 2024-17
            recipe r for NCM811 { anneal 760C air 4h }
            # recipelang-disable-next-line RL3002
            recipe s for NCM811 { anneal 760C air 4h }
            # recipelang-disable-next-line RL3004: nothing to suppress here
            recipe t for NCM811 { anneal 760C O2 4h }
            """);
        var result = CliRunner.Run(Folder, "lint", "lib");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "lib/a.recipe:3:1: warning RL5102: Say why RL3002 is accepted here: '# recipelang-disable-next-line RL3002: reason'",
            "lib/a.recipe:5:32: warning RL5101: RL3004 is not reported on line 6, so this suppression does nothing; remove it",
        }));
    }

    [Test]
    public void Stdin_is_linted_as_the_named_file_with_its_config()
    {
        Write("site/recipelang.json", """{ "rules": { "RL3002": "warning" } }""");
        var result = CliRunner.RunWithInput(Folder, "recipe r for NCM811 {\n  anneal 760C air 4h\n}\n", "lint", "--stdin", "--stdin-filename", "site/draft.recipe");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        Assert.That(result.Output, Does.StartWith("site/draft.recipe:2:15: warning RL3002:"));
        Assert.That(File.Exists(Path.Combine(Folder, "site/draft.recipe")), Is.False, "nothing is written");

        var unnamed = CliRunner.RunWithInput(Folder, "anneal 4M O2\n", "lint", "--stdin", "--format", "json");
        Assert.That(unnamed.ExitCode, Is.EqualTo(1));
        Assert.That(unnamed.Output, Does.Contain("\"path\": \"stdin.recipe\""));
    }

    [Test]
    public void Stdin_and_paths_do_not_mix()
    {
        var result = CliRunner.RunWithInput(Folder, "", "lint", "--stdin", "lib");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.Contain("name no paths with it"));
    }
}
