using System.Globalization;
using RecipeLang.Fuzz;

// dotnet run --project tests/RecipeLang.Fuzz -c Release -- --count 1000000 [--seed 1] [--threads N] [--compile-every 500] [--failures DIR] [--minutes M] [--profile]
// dotnet RecipeLang.Fuzz.dll --afl             the coverage-guided mode, under afl-fuzz (afl.sh)
// dotnet RecipeLang.Fuzz.dll --replay FILES... every property on each file, one line per file
if (args is ["--afl"])
{
    AflMode.Run();
    return 0;
}
if (args is ["--replay", .. var files])
{
    return AflMode.Replay(files, Console.Out) == 0 ? 0 : 1;
}

var settings = new FuzzSettings { FailureFolder = "fuzz-failures" };
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    settings = args[i] switch
    {
        "--count" => settings with { Count = long.Parse(Value(), CultureInfo.InvariantCulture) },
        "--seed" => settings with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
        "--threads" => settings with { Threads = int.Parse(Value(), CultureInfo.InvariantCulture) },
        "--compile-every" => settings with { CompileEvery = int.Parse(Value(), CultureInfo.InvariantCulture) },
        "--failures" => settings with { FailureFolder = Value() },
        "--profile" => settings with { Profile = true },
        "--minutes" => settings with { TimeLimit = TimeSpan.FromMinutes(double.Parse(Value(), CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"unknown argument {args[i]}; see docs/fuzzing.md"),
    };
}

var report = FuzzRun.Run(settings, FuzzRun.Seeds(), Console.Error.WriteLine);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{report.Inputs:N0} inputs ({report.ErrorFree:N0} error-free, {report.Compiled:N0} recipes compiled with Roslyn) in {report.Elapsed.TotalSeconds:0.0} s " +
    $"({report.Inputs / report.Elapsed.TotalSeconds:N0}/s, {settings.Threads} threads, seed {settings.Seed}); slowest input {report.Slowest.TotalMilliseconds:0} ms for {report.SlowestLength:N0} bytes; " +
    $"{report.Failures.Count} failures; {report.OpenFindings:N0} inputs hit an open finding"));
foreach (var group in report.Failures.GroupBy(f => f.Failure.Split('\n')[0].Split(':')[0]).Take(10))
{
    Console.WriteLine($"  {group.Count()} × {group.First().Failure.Split('\n')[0][..Math.Min(300, group.First().Failure.Split('\n')[0].Length)]}");
}
if (report.Failures.Count > 0 && settings.FailureFolder is { } folder)
{
    Console.WriteLine($"Inputs and failures written to {Path.GetFullPath(folder)}");
}
return report.Failures.Count == 0 ? 0 : 1;
