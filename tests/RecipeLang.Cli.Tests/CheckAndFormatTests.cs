namespace RecipeLang.Cli.Tests;

public class CheckAndFormatTests : ScratchFolderTest
{
    [Test]
    public void MissingFileExitsTwoWithOneLine()
    {
        var result = CliRunner.Run(Folder, "check", "missing.recipe");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.TrimEnd().Split('\n'), Is.EqualTo(new[] { "recipelang: missing.recipe: no such file or directory" }));
        Assert.That(result.Error, Does.Not.Contain("   at "), "never a stack trace");
    }

    [Test]
    public void InvalidUtf8ExitsTwo()
    {
        File.WriteAllBytes(Path.Combine(Folder, "bad.recipe"), [0x61, 0xFF, 0xFE]);

        var result = CliRunner.Run(Folder, "check", "bad.recipe");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "recipelang: bad.recipe: not valid UTF-8; save the file as UTF-8")));
    }

    [Test]
    public void ErrorsArePrintedWithLineAndColumnAndExitOne()
    {
        Write("two.recipe", "anneal 850C ) O2\nwash water x3\ncoat = Li3PO4\ndry 80C 12h\n");

        var result = CliRunner.Run(Folder, "check", "two.recipe");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Output, Does.Contain("two.recipe:1:13: error RL0003: Unexpected ')'"));
        Assert.That(result.Output, Does.Contain("two.recipe:3:6: error RL0003: Unexpected '='"));
        Assert.That(result.Output, Does.Contain("2 errors"));
    }

    [Test]
    public void FoldersAndGlobsAreExpanded()
    {
        Write("lib/a.recipe", "recipe a for NCM523 { anneal 850C O2 4h }\n");
        Write("lib/deep/b.recipe", "recipe b for NCM523 { anneal 850C O2 4h }\n");
        Write("lib/notes.txt", "not a recipe");

        Assert.That(CliRunner.Run(Folder, "check", "lib").Output, Does.Contain("Checked 2 files"));
        Assert.That(CliRunner.Run(Folder, "check", "lib/*.recipe").Output, Does.Contain("Checked 1 file"));
        Assert.That(CliRunner.Run(Folder, "check", "lib/**/*.recipe").Output, Does.Contain("Checked 2 files"));
    }

    [Test]
    public void FormatCheckNamesUnformattedFilesAndFormatFixesThem()
    {
        Write("ok.recipe", "anneal 850C O2\n");
        Write("messy.recipe", "anneal   850 °C O2 ;dry 80C\n");

        var check = CliRunner.Run(Folder, "fmt", "--check", ".");
        Assert.That(check.ExitCode, Is.EqualTo(1));
        Assert.That(check.Output, Does.Contain("messy.recipe: not formatted").And.Not.Contain("ok.recipe: not formatted"));

        Assert.That(CliRunner.Run(Folder, "fmt", ".").ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(Path.Combine(Folder, "messy.recipe")), Is.EqualTo("anneal 850C O2\nthen dry 80C\n"));
        Assert.That(CliRunner.Run(Folder, "fmt", "--check", ".").ExitCode, Is.EqualTo(0));
    }

    [Test]
    public void ExplainPrintsTheCodesPage()
    {
        var result = CliRunner.Run(Folder, "explain", "RL3001");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output, Does.StartWith("# RL3001"));
        Assert.That(result.Output, Does.Contain("Source: review §Bulk defect repair"));
        Assert.That(CliRunner.Run(Folder, "explain", "RL9999").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void ExplainWithoutACodeListsEveryCode()
    {
        var result = InProcessCli.Run("explain");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(lines, Has.Length.EqualTo(RecipeLang.Diagnostics.Descriptors.All.Count() + 1));
        Assert.That(lines, Has.Some.StartsWith("RL3001  ").And.Some.StartsWith("RL5103  "));
        Assert.That(lines[^1], Is.EqualTo("Run 'recipelang explain CODE' for a code's page."));
    }

    [Test]
    public void ExplainRecipePrintsTheSummaryTable()
    {
        Write("r.recipe", "recipe r for NCM523 {\n  defects lithium_loss, cation_mixing\n  hydrothermal 4M LiOH 180C 3h\n  then wash water x3\n  then dry 80C 12h vacuum\n  then anneal 850C O2 4h\n}\n");

        var output = CliRunner.Run(Folder, "check", "--explain-recipe", "r.recipe").Output;

        Assert.That(output, Does.Contain("recipe r for NCM523"));
        Assert.That(output, Does.Contain("4   6     anneal           temperature=850C atmosphere=O2 time=4h"));
        Assert.That(output, Does.Contain("total duration: 19 h of holds (ramps and cooling not counted); peak temperature: 850 °C"));
        Assert.That(output, Does.Contain("lithium_loss: repaired by step 1"));
        Assert.That(output, Does.Contain("cation_mixing: repaired by step 4"));
    }

    [Test]
    public void UnknownOptionIsAUsageErrorNamedAsAnOption()
    {
        Write("a.recipe", "anneal 850C O2 4h\n");
        var result = CliRunner.Run(Folder, "check", "a.recipe", "--bogus-option");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Is.EqualTo("recipelang: --bogus-option: unknown option; see --help"));
    }

    [TestCase("check")]
    [TestCase("lint")]
    [TestCase("fmt")]
    public void AFolderWithoutRecipesIsAUsageError(string command)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "empty"));
        Write("other/a.recipe", "anneal 850C O2 4h\n");

        var empty = CliRunner.Run(Folder, command, "empty");
        Assert.That(empty.ExitCode, Is.EqualTo(2));
        Assert.That(empty.Error.Trim(), Is.EqualTo("recipelang: empty: no *.recipe files in this folder"));
        Assert.That(CliRunner.Run(Folder, command, "other").ExitCode, Is.Not.EqualTo(2), "the near miss: a folder with a recipe");
    }

    [Test]
    public void ReportIntoAMissingFolderOrOntoAFolderIsOneLineWithExitTwo()
    {
        Write("a.recipe", "anneal 850C O2 4h\n");

        var missing = CliRunner.Run(Folder, "lint", "a.recipe", "--format", "sarif", "-o", "nowhere/x.sarif");
        Assert.That(missing.ExitCode, Is.EqualTo(2), missing.Error);
        Assert.That(missing.Error, Does.Contain("nowhere/x.sarif: cannot write: the folder").And.Not.Contain("   at "));
        Assert.That(Directory.Exists(Path.Combine(Folder, "nowhere")), Is.False);

        Directory.CreateDirectory(Path.Combine(Folder, "out"));
        var folder = CliRunner.Run(Folder, "compile", "a.recipe", "--emit", "dll", "-o", "out");
        Assert.That(folder.ExitCode, Is.EqualTo(2), folder.Error);
        Assert.That(folder.Error, Does.Contain("out: is a directory; name a file"));
        Assert.That(Directory.GetFileSystemEntries(Path.Combine(Folder, "out")), Is.Empty, "nothing half-written");
    }

    [Test]
    public void ShippedExamplesCheckWithoutErrors()
    {
        var result = CliRunner.Run(CliRunner.RepositoryRoot, "check", "examples/card.recipe", "examples/table1");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
    }
}
