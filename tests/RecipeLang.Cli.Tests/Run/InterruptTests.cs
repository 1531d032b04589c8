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
        var (exitCode, output) = SignalWhen("started step 2", signal, "run", "long.recipe", "--simulate", "--journal", "run.jsonl");

        Assert.That(exitCode, Is.EqualTo(130), output);
        Assert.That(output, Does.Contain("Cancelled").And.Contain("the plant is in its safe state"));
        var last = JsonDocument.Parse(File.ReadAllLines(Path.Combine(Folder, "run.jsonl")).Last());
        Assert.That(last.RootElement.GetProperty("event").GetString(), Is.EqualTo("cancelled"));
        Assert.That(File.Exists(Path.Combine(Folder, "long.thermal.svg")), Is.False, "no plot of a cancelled run");
    }

    [TestCase("INT")]
    [TestCase("TERM")]
    public void A_signal_stops_the_simulated_plant_cleanly(string signal)
    {
        Assume.That(OperatingSystem.IsLinux(), "POSIX signals, and GNU env for --default-signal");
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output) = SignalWhen("Ctrl+C stops", signal, "plant", "simulate", "--units", "1", "--port", port);

        Assert.That(exitCode, Is.EqualTo(130), output);
        Assert.That(output, Does.Contain("Stopped after"), "the units were stopped, not killed");
    }

    /// <summary>Runs recipelang and sends it the signal as soon as a line of its output contains <paramref name="marker"/>; the exit code and all output.</summary>
    private (int ExitCode, string Output) SignalWhen(string marker, string signal, params string[] arguments)
    {
        // A shell that starts jobs in the background without job control (nohup, `cmd &` in a script) makes them ignore
        // SIGINT, and the child inherits that; env gives it the default disposition back, as a terminal user has it.
        var start = new ProcessStartInfo("env") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, Environment = { ["RECIPELANG_SERVER"] = "off" } };
        foreach (var arg in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "recipelang.dll") }.Concat(arguments))
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
            if (line.Contains(marker))
            {
                // Sent at once (starting a kill process took long enough for a fast run to finish first).
                Assert.That(Kill(process.Id, signal == "INT" ? SigInt : SigTerm), Is.EqualTo(0), "kill(2)");
                break;
            }
        }
        output.AddRange(process.StandardOutput.ReadToEnd().Split('\n'));
        Assert.That(process.WaitForExit(60_000), Is.True, "recipelang exits after the signal");
        return (process.ExitCode, string.Join("\n", output) + error.Result);
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
