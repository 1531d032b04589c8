using System.Globalization;
using SharpFuzz;

namespace RecipeLang.Fuzz;

/// <summary>
/// The coverage-guided mode (tests/RecipeLang.Fuzz/afl.sh, docs/fuzzing.md): afl-fuzz hands each input to the same
/// <see cref="FuzzTarget"/> as the generator run, and a broken property is thrown, so afl records the input as a crash.
/// </summary>
public static class AflMode
{
    /// <summary>Runs inputs from afl-fuzz until it stops; runs standard input once when not under afl-fuzz.</summary>
    public static void Run()
    {
        FuzzTarget? target = null;
        // Out of process: a stack overflow or afl's timeout ends a child that SharpFuzz restarts, not the whole run.
        OnLargeStack(() => Fuzzer.OutOfProcess.Run(stream =>
        {
            // Built in the child that runs inputs; the server that restarts children never needs one.
            target ??= new FuzzTarget(independentInputs: true);
            using var input = new MemoryStream();
            stream.CopyTo(input);
            if (Failure(target, input.ToArray()) is { } failure)
            {
                throw new PropertyBrokenException(failure);
            }
        }));
    }

    /// <summary>The property an input breaks, or null; an open finding is not reported again, as in the generator run.</summary>
    public static string? Failure(FuzzTarget target, byte[] input) =>
        target.Run(input).Failure is { } failure && !FuzzTarget.IsOpenFinding(failure) ? failure : null;

    /// <summary>
    /// Runs each file through every property and prints a line per file (<c>ok</c>, <c>open finding: …</c> or the
    /// broken property), the rest of a failure's text indented below it. Returns how many files break a property.
    /// </summary>
    public static int Replay(IReadOnlyList<string> paths, TextWriter output)
    {
        var broken = 0;
        OnLargeStack(() =>
        {
            var target = new FuzzTarget();
            foreach (var path in paths)
            {
                var outcome = target.Run(File.ReadAllBytes(path));
                var open = outcome.Failure is { } failure && FuzzTarget.IsOpenFinding(failure);
                if (outcome.Failure is not null && !open)
                {
                    broken++;
                }
                var lines = (outcome.Failure ?? "ok").Split('\n');
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: {(open ? "open finding: " : "")}{lines[0]} ({outcome.Elapsed.TotalMilliseconds:0} ms)"));
                foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                {
                    output.WriteLine("    " + line);
                }
            }
        });
        return broken;
    }

    // Deep nests must fail by a property, as they do on the generator run's threads, not by overflowing the main stack.
    private static void OnLargeStack(Action action)
    {
        var thread = new Thread(() => action(), FuzzRun.ThreadStackSize);
        thread.Start();
        thread.Join();
    }

    private sealed class PropertyBrokenException(string failure) : Exception(failure);
}
