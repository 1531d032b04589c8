using System.Diagnostics;
using System.Text.Json;

namespace RecipeLang.Cli.Tests.Run;

/// <summary>
/// A real process gets SIGINT or SIGTERM in the middle of a run: the run journals 'cancelled', the plant is made safe,
/// exit 130. The simulated plant stops its units cleanly on either, then exits 130 too.
/// </summary>
public class InterruptTests : ScratchFolderTest
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public void A_signal_during_a_run_journals_cancelled_and_drives_the_plant_to_its_safe_state(string signal)
    {
        Assume.That(OperatingSystem.IsLinux(), "POSIX signals, and GNU env for --default-signal");
        // Long enough that the simulated run is still going when the signal lands, even on a slow machine.
        var steps = string.Join("\n", Enumerable.Range(0, 400).Select(i => (i == 0 ? "" : "then ") + "hydrothermal 4M LiOH 180C 3h\nthen wash water x3\nthen dry 80C 12h vacuum"));
        Write("long.recipe", $"recipe long for NCM523 {{\n{steps}\n}}\n");
        // A shell that starts jobs in the background without job control (nohup, `cmd &` in a script) makes them ignore
        // SIGINT, and the child inherits that; env gives it the default disposition back, as a terminal user has it.
        var start = new ProcessStartInfo("env") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "recipelang.dll"), "run", "long.recipe", "--simulate", "--journal", "run.jsonl" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            output.Add(line);
            if (line.Contains("started step 2"))
            {
                // Sent at once (starting a kill process took long enough for a fast run to finish first).
                Assert.That(Kill(process.Id, signal == "INT" ? SigInt : SigTerm), Is.EqualTo(0), "kill(2)");
                break;
            }
        }
        output.AddRange(process.StandardOutput.ReadToEnd().Split('\n'));
        Assert.That(process.WaitForExit(60_000), Is.True, "recipelang exits after the signal");

        Assert.That(process.ExitCode, Is.EqualTo(130), string.Join("\n", output) + error.Result);
        Assert.That(string.Join("\n", output), Does.Contain("Cancelled").And.Contain("the plant is in its safe state"));
        var last = JsonDocument.Parse(File.ReadAllLines(Path.Combine(Folder, "run.jsonl")).Last());
        Assert.That(last.RootElement.GetProperty("event").GetString(), Is.EqualTo("cancelled"));
        Assert.That(File.Exists(Path.Combine(Folder, "long.thermal.svg")), Is.False, "no plot of a cancelled run");
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public void A_signal_stops_the_simulated_plant_cleanly(string signal)
    {
        Assume.That(OperatingSystem.IsLinux(), "POSIX signals, and GNU env for --default-signal");
        var port = FreePort();
        var start = new ProcessStartInfo("env") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "recipelang.dll"), "plant", "simulate", "--units", "1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null)
        {
            output.Add(line);
            if (line.Contains("Ctrl+C stops"))
            {
                Assert.That(Kill(process.Id, signal == "INT" ? SigInt : SigTerm), Is.EqualTo(0), "kill(2)");
                break;
            }
        }
        output.AddRange(process.StandardOutput.ReadToEnd().Split('\n'));
        Assert.That(process.WaitForExit(60_000), Is.True, "recipelang exits after the signal");
        Assert.That(process.ExitCode, Is.EqualTo(130), string.Join("\n", output) + error.Result);
        Assert.That(string.Join("\n", output), Does.Contain("Stopped after"), "the units were stopped, not killed");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
