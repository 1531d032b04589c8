using System.Diagnostics;

namespace RecipeLang.Cli.Tests.Server;

/// <summary>
/// The real <c>recipelang</c>: a first <c>check</c> runs in its own process and starts the server, the next is
/// served with the same output, and <c>server status</c> and <c>server stop</c> work on it.
/// </summary>
[NonParallelizable]
public class ServerProcessTests : ScratchFolderTest
{
    private string runtime = "";

    private Dictionary<string, string?> Environment => new()
    {
        ["XDG_RUNTIME_DIR"] = runtime,
        ["RECIPELANG_SERVER"] = "auto",
        ["CI"] = null,
    };

    [SetUp]
    public void CreateRuntimeFolder()
    {
        if (OperatingSystem.IsWindows())
            Assert.Ignore("the command server needs Unix sockets");
        // Created owner-only, as $XDG_RUNTIME_DIR is; short, for the socket address.
        runtime = Directory.CreateTempSubdirectory("rl-").FullName;
    }

    [TearDown]
    public void StopServer()
    {
        var status = Run("server", "status").Output;
        if (status.Contains("running,"))
        {
            Run("server", "stop");
            var pid = int.Parse(status.Split("pid ")[1].Split(',')[0]);
            try
            {
                using var process = Process.GetProcessById(pid);
                if (!process.WaitForExit(10_000))
                    process.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }
        Directory.Delete(runtime, recursive: true);
    }

    [Test]
    public void The_first_check_starts_the_server_and_the_next_is_served_with_the_same_answer()
    {
        Write("bad.recipe", "recipe r for NCM523 {\n  anneal 1200C N2 4h\n}\n");

        var first = Run("check", "bad.recipe");
        WaitUntilRunning();
        var second = Run("check", "bad.recipe");
        var status = Run("server", "status");

        Assert.That(first.ExitCode, Is.EqualTo(1));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(status.Output, Does.Contain("1 command served"));
        Assert.That(Run("server", "stop").Output, Does.Contain("stopped"));
        Assert.That(Run("server", "status"), Is.EqualTo(new CliRunner.Result(1, "recipelang server: not running\n", "")));
        Assert.That(Run("server", "stop").ExitCode, Is.EqualTo(0), "stopping no server is not an error");
    }

    [Test]
    public void Off_and_CI_neither_use_nor_start_a_server()
    {
        Write("x.recipe", "recipe r for NCM523 {\n  anneal 850C O2 4h\n}\n");

        CliRunner.RunWithEnvironment(Folder, null, new Dictionary<string, string?>(Environment) { ["RECIPELANG_SERVER"] = "off" }, "check", "x.recipe");
        CliRunner.RunWithEnvironment(Folder, null, new Dictionary<string, string?>(Environment) { ["CI"] = "true" }, "check", "x.recipe");
        Thread.Sleep(1_000);

        Assert.That(Run("server", "status").Output, Does.Contain("not running"));
    }

    [Test]
    public void Start_is_idempotent_and_a_started_server_serves()
    {
        Write("x.recipe", "recipe r for NCM523 {\n  anneal 850C O2 4h\n}\n");

        var start = Run("server", "start");
        var again = Run("server", "start");
        var check = Run("check", "x.recipe");

        Assert.That((start.ExitCode, again.ExitCode, check.ExitCode), Is.EqualTo((0, 0, 0)));
        Assert.That(start.Output, Does.Contain("running, pid"));
        Assert.That(Run("server", "status").Output, Does.Contain("1 command served"));
    }

    [Test]
    public void A_file_from_the_shells_process_substitution_is_read_by_the_client_not_the_server()
    {
        Write("x.recipe", "recipe r for NCM523 {\n  anneal 1200C O2 4h\n}\n");
        Run("server", "start");

        var start = new ProcessStartInfo("bash") { WorkingDirectory = Folder, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{Path.Combine(AppContext.BaseDirectory, "recipelang.dll")}' check <(cat x.recipe)");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(output, Does.Contain("error RL3001"));
        Assert.That(Run("server", "status").Output, Does.Contain("0 commands served"));
    }

    private CliRunner.Result Run(params string[] args) => CliRunner.RunWithEnvironment(Folder, null, Environment, args);

    private void WaitUntilRunning()
    {
        var clock = Stopwatch.StartNew();
        while (!Run("server", "status").Output.Contains("running,"))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail("the server did not start within 30 s");
            Thread.Sleep(200);
        }
    }
}
