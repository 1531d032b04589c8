using System.CommandLine;
using RecipeLang.Cli.Hosting;

namespace RecipeLang.Cli.Tests.BadInput;

public class TopLevelHandlerTests : ScratchFolderTest
{
    [Test]
    public void An_unexpected_exception_is_one_line_with_a_bug_report_hint_exit_70_and_its_trace_in_a_crash_log()
    {
        var root = CliApp.CreateRoot();
        var broken = new Command("broken");
        broken.SetAction(int (_) => throw new InvalidOperationException("a bug\nspanning lines"));
        root.Subcommands.Add(broken);
        var before = Environment.GetEnvironmentVariable("RECIPELANG_CRASH_DIR");
        Environment.SetEnvironmentVariable("RECIPELANG_CRASH_DIR", Folder);
        try
        {
            var result = InProcessCli.Run(root, "broken");

            Assert.That(result.ExitCode, Is.EqualTo(70));
            var lines = result.Error.TrimEnd().Split('\n');
            Assert.That(lines[0], Is.EqualTo("recipelang: internal error: InvalidOperationException: a bug spanning lines"));
            Assert.That(lines[1], Does.StartWith("This is a bug in RecipeLang; please report it with " + Folder));
            Assert.That(result.Error, Does.Not.Contain("   at "), "never a stack trace on the terminal");
            var log = Directory.GetFiles(Folder, "recipelang-crash-*.log").Single();
            Assert.That(File.ReadAllText(log), Does.Contain("arguments: broken").And.Contain("   at "));
        }
        finally
        {
            Environment.SetEnvironmentVariable("RECIPELANG_CRASH_DIR", before);
        }
    }

    [Test]
    public void A_usage_problem_inside_a_parallel_loop_is_still_one_line_with_exit_2()
    {
        var root = CliApp.CreateRoot();
        var parallel = new Command("parallel");
        parallel.SetAction(_ => Parallel.For(0, 4, i => throw new Input.UsageException("x.recipe: cannot read")));
        root.Subcommands.Add(parallel);

        var result = InProcessCli.Run(root, "parallel");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "recipelang: x.recipe: cannot read")));
    }
}
