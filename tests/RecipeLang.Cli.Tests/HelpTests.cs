using RecipeLang.Cli.Hosting;

namespace RecipeLang.Cli.Tests;

public class HelpTests : ScratchFolderTest
{
    [Test]
    public void No_arguments_prints_the_help_with_every_command()
    {
        var result = CliRunner.Run(Folder);
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Output, Does.Contain("Usage:").And.Contain("check").And.Contain("lint").And.Contain("explain"));
    }

    [Test]
    public void A_mistyped_command_gets_a_did_you_mean_and_the_list()
    {
        var result = CliRunner.Run(Folder, "chek", "x.recipe");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("recipelang: 'chek' is not a command; did you mean 'check'?"));
        Assert.That(result.Error, Does.Contain("Commands: check, fmt, lint, explain, compile, run, plant, lsp, server."));
    }

    [Test]
    public void The_tree_for_one_command_holds_only_that_command_and_the_names_match_the_full_tree()
    {
        Assert.That(CliApp.CreateRoot().Subcommands.Select(c => c.Name), Is.EqualTo(CliApp.CommandNames));
        Assert.That(CliApp.CreateRoot("check").Subcommands.Select(c => c.Name), Is.EqualTo(new[] { "check" }));
        Assert.That(CliApp.CreateRoot("--help").Subcommands, Has.Count.EqualTo(CliApp.CommandNames.Count), "not a command name: the whole tree");
    }

    [Test]
    public void A_commands_own_help_works_from_its_single_command_tree()
    {
        var result = InProcessCli.Run(CliApp.CreateRoot("lint"), "lint", "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.Contain("--format"));
    }
}
