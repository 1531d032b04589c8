using System.Diagnostics;

namespace RecipeLang.Bench.Targets;

/// <summary>Wall and CPU time of whole processes, each run to completion with its output drained and discarded.</summary>
public static class ProcessTimer
{
    public sealed record Sample(double WallSeconds, double CpuSeconds);

    /// <summary>
    /// One command line: <c>dotnet Dll Args</c>, expected to exit with <paramref name="ExpectedExit"/>, with
    /// <paramref name="Environment"/> added to the bench's own.
    /// </summary>
    public sealed record Command(string Dll, IReadOnlyList<string> Args, int ExpectedExit = 0, IReadOnlyDictionary<string, string>? Environment = null);

    /// <summary>
    /// Runs the commands in turn, <paramref name="runs"/> rounds (each run is a new process, so nothing is JIT-warm;
    /// the files were just written or built, so the disk cache is). Interleaving keeps a baseline and what it is
    /// compared with under the same load on a shared machine.
    /// </summary>
    public static Timing[] Measure(int runs, string workingDirectory, params Command[] commands)
    {
        var samples = commands.Select(_ => new List<Sample>()).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var c = 0; c < commands.Length; c++)
            {
                samples[c].Add(Run(commands[c], workingDirectory));
            }
        }
        return samples.Select(s => new Timing(s)).ToArray();
    }

    private static Sample Run(Command command, string workingDirectory)
    {
        var (dll, args, expectedExit, environment) = command;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var cpuBefore = ChildCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != expectedExit)
        {
            throw new InvalidOperationException($"dotnet {Path.GetFileName(dll)} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result}{stdout.Result}".Trim());
        }
        return new Sample(wall, ChildCpuSeconds() - cpuBefore);
    }

    /// <summary>User + system CPU of all waited-for children (getrusage): the process's CPU, read after it has been reaped.</summary>
    private static double ChildCpuSeconds()
    {
        var usage = new long[18];
        return OperatingSystem.IsLinux() && GetRUsage(-1, usage) == 0 ? usage[0] + usage[1] / 1e6 + usage[2] + usage[3] / 1e6 : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, long[] usage);
}

/// <summary>Min and median of a set of measurements (seconds).</summary>
public sealed record Timing(IReadOnlyList<ProcessTimer.Sample> Samples)
{
    public double Min => Samples.Min(s => s.WallSeconds);
    public double Median => MedianOf(Samples.Select(s => s.WallSeconds));
    public double CpuMedian => MedianOf(Samples.Select(s => s.CpuSeconds));

    public static Timing Of(IEnumerable<double> seconds) => new(seconds.Select(s => new ProcessTimer.Sample(s, double.NaN)).ToList());

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
