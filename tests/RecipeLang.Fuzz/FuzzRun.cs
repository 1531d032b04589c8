using System.Diagnostics;
using RecipeLang.Compiler.Lowering;

namespace RecipeLang.Fuzz;

/// <summary>Settings of one fuzz run; the command line of <c>RecipeLang.Fuzz</c> sets them.</summary>
public sealed record FuzzSettings
{
    public long Count { get; init; } = 10_000;
    public int Seed { get; init; } = 1;
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>Every Nth error-free input's recipes are compiled with Roslyn (in batches; Roslyn takes ~100 ms a batch).</summary>
    public int CompileEvery { get; init; } = 500;
    public string? FailureFolder { get; init; }
    /// <summary>Stop after this long even when fewer than Count inputs ran (the report says how many did).</summary>
    public TimeSpan? TimeLimit { get; init; }
    /// <summary>Print the time spent per stage at the end.</summary>
    public bool Profile { get; init; }
}

public sealed record FuzzFailure(string Kind, string Failure, byte[] Input);

public sealed record FuzzReport(long Inputs, long OpenFindings, long ErrorFree, long Compiled, IReadOnlyList<FuzzFailure> Failures, TimeSpan Elapsed, TimeSpan Slowest, int SlowestLength);

/// <summary>Runs generated inputs through <see cref="FuzzTarget"/> on several threads, each with its own seed.</summary>
public static class FuzzRun
{
    private const int CompileBatch = 20;

    /// <summary>The stack of a thread that runs inputs, for deep nests.</summary>
    public const int ThreadStackSize = 64 * 1024 * 1024;

    public static FuzzReport Run(FuzzSettings settings, IReadOnlyList<string> seeds, Action<string>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        long next = 0, errorFree = 0, compiled = 0, open = 0;
        var failures = new List<FuzzFailure>();
        var slowest = TimeSpan.Zero;
        var slowestLength = 0;
        var gate = new object();
        var lastProgress = Stopwatch.StartNew();

        // Written as found (under the gate), so a long run that is stopped keeps what it found.
        void Record(FuzzFailure failure)
        {
            failures.Add(failure);
            if (settings.FailureFolder is { } folder)
            {
                var name = Path.Combine(folder, $"failure-{failures.Count - 1:D4}");
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(name + ".recipe", failure.Input);
                File.WriteAllText(name + ".txt", $"{failure.Kind}\n{failure.Failure}\n");
            }
        }

        var threads = Enumerable.Range(0, settings.Threads).Select(t => new Thread(() =>
        {
            var generator = new InputGenerator(settings.Seed * 1000 + t, seeds);
            var target = new FuzzTarget();
            var batch = new List<(LoweredRecipe Recipe, byte[] Input)>();
            while (Interlocked.Increment(ref next) <= settings.Count)
            {
                if (settings.TimeLimit is { } limit && watch.Elapsed > limit)
                {
                    Interlocked.Decrement(ref next);
                    break;
                }
                var (input, kind) = generator.Next();
                var outcome = target.Run(input);
                lock (gate)
                {
                    if (outcome.Elapsed > slowest)
                    {
                        (slowest, slowestLength) = (outcome.Elapsed, input.Length);
                    }
                    if (outcome.Failure is { } known && FuzzTarget.IsOpenFinding(known))
                    {
                        open++;
                    }
                    else if (outcome.Failure is { } failure)
                    {
                        Record(new FuzzFailure(kind, failure, input));
                    }
                    if (progress is not null && lastProgress.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        lastProgress.Restart();
                        progress($"{Math.Min(next, settings.Count):N0} inputs, {failures.Count} failures, {open} open findings, {watch.Elapsed:hh\\:mm\\:ss}");
                    }
                }
                if (!outcome.ErrorFree)
                {
                    continue;
                }
                if (Interlocked.Increment(ref errorFree) % settings.CompileEvery == 0)
                {
                    batch.AddRange(outcome.Lowered.Select(r => (r, input)));
                }
                if (batch.Count >= CompileBatch)
                {
                    CompileBatchOf(batch);
                }
            }
            CompileBatchOf(batch);
            if (settings.Profile)
            {
                progress?.Invoke("stages: " + string.Join(", ", target.StageTimes.Select(p => $"{p.Key} {p.Value.TotalSeconds:0.0} s")));
            }

            void CompileBatchOf(List<(LoweredRecipe Recipe, byte[] Input)> recipes)
            {
                if (recipes.Count == 0)
                {
                    return;
                }
                // Recipes of different inputs may share names; compile each input's recipes on their own when the batch fails.
                if (FuzzTarget.Compile([.. recipes.Select(r => r.Recipe)]) is not null)
                {
                    foreach (var group in recipes.GroupBy(r => r.Input))
                    {
                        if (FuzzTarget.Compile([.. group.Select(r => r.Recipe)]) is { } failure)
                        {
                            lock (gate)
                            {
                                Record(new FuzzFailure("compile", failure, group.Key));
                            }
                        }
                    }
                }
                Interlocked.Add(ref compiled, recipes.Count);
                recipes.Clear();
            }
        }, ThreadStackSize)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new FuzzReport(Math.Min(next, settings.Count), open, errorFree, compiled, failures, watch.Elapsed, slowest, slowestLength);
    }

    /// <summary>The shipped examples (copied beside the program) as seeds for mutation.</summary>
    public static IReadOnlyList<string> Seeds()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Seeds");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.recipe", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : ["recipe r for NCM523 { hydrothermal 4M LiOH 220C 3h then anneal 850C O2 4h }\n"];
    }
}
