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
        Assert.That(result.Error, Does.Contain("Commands: check, fmt, lint, explain, compile, run, plant, lsp."));
    }
}
