using System.Diagnostics;
using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using System.Text.Json;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench.Targets;

/// <summary>
/// Every target row of issue 12, each measured beside its baseline in the same run, then written into
/// docs/benchmarks.md between the <c>bench:targets</c> markers. Started by <c>bash bench/run.sh [--full]</c>.
/// </summary>
public sealed class TargetRun
{
    /// <summary>How many times each thing is measured: quick (under 5 minutes on 2 cores) or full.</summary>
    private sealed record Preset(string Name, int StartRuns, int LintRuns, int CompileRuns, int InProcessRuns);

    private static readonly Preset Quick = new("quick", 7, 3, 2, 2);
    private static readonly Preset Full = new("full", 20, 10, 5, 5);

    // A 20 h recipe for the simulate row (total duration from 'check --explain-recipe').
    private const string LongRecipe = """
        # a 20 h recipe: the simulate row of bench/run.sh
        recipe long_run for NCM523 {
          defects lithium_loss(li_tm = 0.9), cation_mixing
          batch 50 g
          hydrothermal 4M LiOH 180C 6h
          then wash water x3
          then dry 80C 12h vacuum
          then anneal 850C O2 2h ramp 10C/min
        }
        """;

    private readonly Preset _preset;
    private readonly string _cli, _hello, _jsonRead, _work, _docs;
    private readonly string? _before, _beforeName;
    private readonly List<string> _rows = [];
    private readonly List<string> _notes = [];

    private TargetRun(Preset preset, string cli, string hello, string jsonRead, string work, string docs, string? before, string? beforeName) =>
        (_preset, _cli, _hello, _jsonRead, _work, _docs, _before, _beforeName) = (preset, cli, hello, jsonRead, work, docs, before, beforeName);

    /// <summary>
    /// <c>targets [--full] --cli recipelang.dll --hello hello.dll --json-read JsonRead.dll --work DIR --docs benchmarks.md
    /// [--before old/recipelang.dll --before-name NAME]</c>; with --before, every whole-process figure is also taken
    /// of an older build of the tool, interleaved with this one.
    /// </summary>
    public static int Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : null;
        var run = new TargetRun(args.Contains("--full") ? Full : Quick, Arg("--cli")!, Arg("--hello")!, Arg("--json-read")!, Arg("--work")!, Arg("--docs")!, Arg("--before"), Arg("--before-name"));
        run.Execute();
        return 0;
    }

    private void Execute()
    {
        var total = Stopwatch.StartNew();
        var (recipes, json) = RecipeLibrary.Generate(10_000);
        var lib10 = WriteLibrary("lib10", recipes.Take(10), json.Take(10));
        var lib1k = WriteLibrary("lib1k", recipes.Take(1_000), json.Take(1_000));
        var lib10k = WriteLibrary("lib10k", recipes, json);
        var one = Path.Combine(_work, "one.recipe");
        File.WriteAllText(one, recipes[0]);
        var longRecipe = Path.Combine(_work, "long_run.recipe");
        File.WriteAllText(longRecipe, LongRecipe);
        _notes.Add($"Library: {RecipeLibrary.Megabytes(recipes):0.00} MB as 10,000 .recipe files, {RecipeLibrary.Megabytes(json):0.00} MB as the same content in 10,000 .json files.");

        // bench/run.sh turns the command server off for every row but the served ones, which start it first.
        Log("start-up: check one.recipe vs dotnet hello.dll");
        var start = Compare(_preset.StartRuns, new(_hello, []), ["check", one]);
        Row("`recipelang check one.recipe`, whole process, no command server (a first run, CI, `RECIPELANG_SERVER=off`)", "`dotnet hello.dll`", start, 1.5);

        Log("start-up with the command server running: check one.recipe vs dotnet hello.dll");
        var (servedStart, startServer) = Served(_preset.StartRuns, () => Compare(_preset.StartRuns, new(_hello, []), ["check", one], Serve));
        Row("`recipelang check one.recipe`, whole process, the command server running (every run after the first)", "`dotnet hello.dll`", servedStart, 1.5, startServer);

        Log("lint 10,000 files vs JSON read in parallel");
        var lint = Compare(_preset.LintRuns, new(_jsonRead, [Path.Combine(lib10k, "json")]), ["lint", Path.Combine(lib10k, "recipes")]);
        Row("`recipelang lint` 10,000 recipes, whole process, no command server", "`JsonDocument.Parse` of the same as JSON, parallel, whole process", lint, 4);

        Log("lint 10,000 files with the command server running vs JSON read in parallel");
        var (servedLint, lintServer) = Served(_preset.LintRuns, () => Compare(_preset.LintRuns, new(_jsonRead, [Path.Combine(lib10k, "json")]), ["lint", Path.Combine(lib10k, "recipes")], Serve));
        Row("`recipelang lint` 10,000 recipes, whole process, the command server running", "`JsonDocument.Parse` of the same as JSON, parallel, whole process", servedLint, 4, lintServer);

        Log("in process: parse + bind + rules vs JSON parse, warm");
        var (inProcessJson, _) = Warm(() => ParseJson(json), _preset.InProcessRuns);
        var (inProcessLint, lintAllocated) = Warm(() => Analyze(recipes), _preset.InProcessRuns);
        Row("parse + bind + all rules of 10,000, in process, warm, one thread", "the same JSON parse, warm, one thread", new(inProcessJson, inProcessLint, null), 5,
            $"{Megabytes(lintAllocated):0} MB allocated");

        Log("compile 1,000 in process, warm");
        var lowered = Lower(recipes.Take(1_000));
        var (compile, compileAllocated) = Warm(() => CompileOrThrow(lowered), _preset.InProcessRuns);
        Absolute("compile 1,000 recipes into one assembly, warm, in process", new(null, compile, null), 2,
            $"{Megabytes(compileAllocated):0} MB allocated (target ≤ 300 MB: {(Megabytes(compileAllocated) <= 300 ? "met" : "not met")})");

        Log("recipelang compile of 1,000, whole process");
        var compileProcess = Compare(_preset.CompileRuns, null, ["compile", Path.Combine(lib1k, "recipes"), "--emit", "dll", "-o", Path.Combine(_work, "plans.dll")]);
        Absolute("`recipelang compile` of 1,000 recipes, whole process", compileProcess, 4);

        Log("run --simulate of a 20 h recipe vs check of it");
        string[] checkArgs = ["check", longRecipe], runArgs = ["run", longRecipe, "--simulate", "--plot", Path.Combine(_work, "long_run.svg")];
        // The first run compiles the plan and stores it in the plan cache (bench/run.sh points RECIPELANG_CACHE at an
        // emptied folder); the measured runs are the ones a user repeating a dry run sees.
        var cold = ProcessTimer.Measure(1, _work, new ProcessTimer.Command(_cli, runArgs))[0];
        var pair = ProcessTimer.Measure(_preset.CompileRuns, _work, [new(_cli, checkArgs), new(_cli, runArgs), .. _before is null ? Array.Empty<ProcessTimer.Command>() : [new(_before, checkArgs), new(_before, runArgs)]]);
        Row("`run --simulate` of a 20 h recipe, whole process", "`check` of the same file", new(pair[0], pair[1], _before is null ? null : pair[3], _before is null ? null : pair[2]), 1.2,
            $"first run with an empty plan cache {S(cold.Median)} (CPU {S(cold.CpuMedian)})");

        Log("growth 10 → 1,000 → 10,000");
        // All three sizes in the same rounds: on a shared machine the load drifts between rows.
        var growth = ProcessTimer.Measure(_preset.LintRuns, _work,
            new(_cli, ["lint", Path.Combine(lib10, "recipes")]), new(_cli, ["lint", Path.Combine(lib1k, "recipes")]), new(_cli, ["lint", Path.Combine(lib10k, "recipes")]));
        var (lint10, lint1k, lint10k) = (growth[0], growth[1], growth[2]);
        var slope = (lint10k.Median - lint1k.Median) / 9_000 * 1e6;
        var early = (lint1k.Median - lint10.Median) / 990 * 1e6;
        _rows.Add($"| cost growth of `lint`, whole process: 10 → 1,000 → 10,000 recipes | — | | {S(lint10.Median)} → {S(lint1k.Median)} → {S(lint10k.Median)} (medians): {early:0} µs/recipe from 10 to 1,000, {slope:0} µs/recipe from 1,000 to 10,000 | | | linear | {(slope <= early * 1.25 ? "met" : "not met")} |");

        WriteDocs(total.Elapsed);
    }

    private string WriteLibrary(string name, IEnumerable<string> recipes, IEnumerable<string> json)
    {
        var root = Path.Combine(_work, name);
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(root, "recipes"));
        Directory.CreateDirectory(Path.Combine(root, "json"));
        var i = 0;
        foreach (var (recipe, document) in recipes.Zip(json))
        {
            File.WriteAllText(Path.Combine(root, "recipes", $"r{i:00000}.recipe"), recipe);
            File.WriteAllText(Path.Combine(root, "json", $"r{i:00000}.json"), document);
            i++;
        }
        return root;
    }

    private static int ParseJson(string[] json)
    {
        var count = 0;
        foreach (var text in json)
        {
            using var document = JsonDocument.Parse(text);
            count += document.RootElement.GetProperty("steps").GetArrayLength();
        }
        return count;
    }

    private static int Analyze(string[] recipes)
    {
        var workspace = new RecipeWorkspace(new MockFileSystem());
        var count = 0;
        for (var i = 0; i < recipes.Length; i++)
        {
            count += workspace.Analyze(new SourceText(recipes[i], $"r{i}.recipe")).Diagnostics.Length;
        }
        return count;
    }

    private static List<LoweredRecipe> Lower(IEnumerable<string> recipes)
    {
        var workspace = new RecipeWorkspace(new MockFileSystem());
        return recipes.Select((text, i) =>
        {
            var analysis = workspace.Analyze(new SourceText(text, $"/lib/r{i}.recipe"));
            return Lowerer.Lower(analysis.Recipes.Single(), analysis.Catalog.Equipment, $"/lib/r{i}.recipe");
        }).ToList();
    }

    private static int CompileOrThrow(List<LoweredRecipe> lowered)
    {
        var plans = PlanCompiler.Compile(lowered);
        return plans.Success ? plans.Image.Length : throw new InvalidOperationException(string.Join("; ", plans.Errors));
    }

    /// <summary>One unmeasured run, then <paramref name="runs"/> measured ones; allocation is the smallest of the measured runs.</summary>
    private static (Timing Time, long Allocated) Warm(Func<int> work, int runs)
    {
        work();
        var seconds = new List<double>();
        var allocated = long.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            work();
            seconds.Add(clock.Elapsed.TotalSeconds);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
        return (Timing.Of(seconds), allocated);
    }

    /// <summary>What one row compares: the baseline, this build and, with --before, the build it replaces (same run, interleaved).</summary>
    private sealed record Comparison(Timing? Baseline, Timing Ours, Timing? Before, Timing? BeforeBaseline = null);

    /// <summary>What a served row sets: the server on, as a user has it by default.</summary>
    private static readonly Dictionary<string, string> Serve = new() { ["RECIPELANG_SERVER"] = "auto" };

    /// <summary>
    /// Measures with this build's command server running: started and given one unmeasured command first (what a
    /// user's first command does), stopped afterwards. The server is not a child of the bench, so its CPU time is
    /// read from /proc and added to each of the <paramref name="runs"/> commands' (its mean per command).
    /// </summary>
    private (Comparison Result, string Note) Served(int runs, Func<Comparison> measure)
    {
        ProcessTimer.Measure(1, _work, new ProcessTimer.Command(_cli, ["server", "start"]), new ProcessTimer.Command(_cli, ["check", Path.Combine(_work, "one.recipe")], Environment: Serve));
        try
        {
            var pid = ServerPid();
            var before = ProcessCpuSeconds(pid);
            var result = measure();
            var perCommand = (ProcessCpuSeconds(pid) - before) / runs;
            var ours = new Timing(result.Ours.Samples.Select(s => s with { CpuSeconds = s.CpuSeconds + perCommand }).ToList());
            return (result with { Ours = ours }, $"CPU includes the server's, {S(perCommand)} a command on average");
        }
        finally
        {
            ProcessTimer.Measure(1, _work, new ProcessTimer.Command(_cli, ["server", "stop"]));
        }
    }

    private int ServerPid()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _work, ArgumentList = { _cli, "server", "status" } };
        using var status = Process.Start(start)!;
        var text = status.StandardOutput.ReadToEnd();
        status.WaitForExit();
        var match = System.Text.RegularExpressions.Regex.Match(text, @"pid (\d+),");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"the command server is not running: {text}");
    }

    /// <summary>User + system time of a process from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double ProcessCpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>Runs the baseline (if any), this CLI and the --before CLI with the same arguments, interleaved.</summary>
    private Comparison Compare(int runs, ProcessTimer.Command? baseline, string[] cliArgs, IReadOnlyDictionary<string, string>? environment = null)
    {
        var commands = new List<ProcessTimer.Command>();
        if (baseline is not null)
        {
            commands.Add(baseline);
        }
        commands.Add(new(_cli, cliArgs, Environment: environment));
        if (_before is not null)
        {
            commands.Add(new(_before, cliArgs, Environment: environment));
        }
        var timings = ProcessTimer.Measure(runs, _work, [.. commands]);
        var offset = baseline is null ? 0 : 1;
        return new(baseline is null ? null : timings[0], timings[offset], _before is null ? null : timings[offset + 1]);
    }

    private void Row(string measure, string baselineName, Comparison c, double target, string? extra = null)
    {
        var ratio = c.Ours.Median / c.Baseline!.Median;
        var cpuRatio = c.Ours.CpuMedian / c.Baseline.CpuMedian;
        var before = c.Before is null ? "" : $"{Pair(c.Before)}{Cpu(c.Before)}";
        var beforeRatio = c.Before is null ? "" : $"{c.Before.Median / (c.BeforeBaseline ?? c.Baseline).Median:0.00}×";
        _rows.Add($"| {measure} | {baselineName}: {Pair(c.Baseline)}{Cpu(c.Baseline)} | {before} | {Pair(c.Ours)}{Cpu(c.Ours)}{(extra is null ? "" : "; " + extra)} | {beforeRatio} | **{ratio:0.00}×**{(double.IsNaN(cpuRatio) ? "" : $" (CPU {cpuRatio:0.00}×)")} | ≤ {target:0.#}× | {(ratio <= target ? "met" : "not met")} |");
        Log($"  baseline {Pair(c.Baseline)}, ours {Pair(c.Ours)}, ratio {ratio:0.00}{(c.Before is null ? "" : $"; before {Pair(c.Before)}, ratio {beforeRatio}")}");
    }

    private void Absolute(string measure, Comparison c, double targetSeconds, string? extra = null)
    {
        var before = c.Before is null ? "" : $"{Pair(c.Before)}{Cpu(c.Before)}";
        _rows.Add($"| {measure} | — | {before} | {Pair(c.Ours)}{Cpu(c.Ours)}{(extra is null ? "" : "; " + extra)} | | | ≤ {targetSeconds:0.#} s | {(c.Ours.Median <= targetSeconds ? "met" : "not met")} |");
        Log($"  {Pair(c.Ours)}{(c.Before is null ? "" : $"; before {Pair(c.Before)}")}");
    }

    private static string Pair(Timing t) => $"{S(t.Min)} / {S(t.Median)}";

    private static string Cpu(Timing t) => double.IsNaN(t.CpuMedian) ? "" : $" (CPU {S(t.CpuMedian)})";

    private static string S(double seconds) => seconds < 1 ? $"{seconds * 1000:0} ms" : $"{seconds:0.00} s";

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024);

    private static void Log(string message) => Console.WriteLine(message);

    private void WriteDocs(TimeSpan took)
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, `bash bench/run.sh{(_preset == Full ? " --full" : "")}` ({_preset.Name} preset, took {took.TotalMinutes:0.0} min), commit {Commit()}.");
        table.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}.");
        table.AppendLine();
        table.AppendLine("Times are min / median wall clock; a whole-process figure starts `dotnet x.dll` and waits for its exit, and the commands of a row run interleaved (baseline, now, before, baseline, ...) so that they share the machine's load; CPU is the median user + system time. In-process rows are taken inside the bench process and have no before column.");
        table.AppendLine();
        var beforeName = _before is null ? "before (not measured in this run)" : $"before: {_beforeName ?? _before}";
        table.AppendLine(CultureInfo.InvariantCulture, $"| measure | baseline in the same run | {beforeName} | now | ratio before | ratio now | target | now |");
        table.AppendLine("|---|---|---|---|---:|---:|---|---|");
        foreach (var row in _rows)
        {
            table.AppendLine(row);
        }
        table.AppendLine();
        foreach (var note in _notes)
        {
            table.AppendLine(note);
        }
        var generated = table.ToString().TrimEnd();
        File.WriteAllText(Path.Combine(_work, "last-run.md"), generated + "\n");
        Console.WriteLine(generated);

        const string begin = "<!-- bench:targets:begin (bench/run.sh rewrites this block) -->", end = "<!-- bench:targets:end -->";
        var docs = File.ReadAllText(_docs);
        var from = docs.IndexOf(begin, StringComparison.Ordinal);
        var to = docs.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{_docs} has no '{begin}' … '{end}' block to rewrite");
        }
        var updated = docs[..(from + begin.Length)] + "\n" + generated + "\n" + docs[to..];
        var temp = _docs + ".tmp";
        File.WriteAllText(temp, updated);
        File.Move(temp, _docs, overwrite: true);
        Console.WriteLine($"Rewrote the targets table in {_docs}.");
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
               $"load average before the run {load} — the machine is shared with other jobs, so figures are noisy";
    }

    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false };
            using var git = Process.Start(start)!;
            var commit = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? commit : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
