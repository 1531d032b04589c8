using System.CommandLine;
using RecipeLang.Cli.Commands;
using RecipeLang.Cli.Input;

namespace RecipeLang.Cli.Hosting;

/// <summary>
/// The command tree and the one place that turns every outcome into an exit code: usage and I/O problems are one
/// line and exit 2, an interrupt exits 130, and anything unexpected is one line with a bug-report hint and exit 70,
/// its trace in a crash log (see docs/exit-codes.md).
/// </summary>
public static class CliApp
{
    // A class, not a tuple: LINQ over a value type is JIT-compiled at start-up even in a ReadyToRun build.
    private sealed record CommandEntry(string Name, Func<Command> Create);

    private static readonly CommandEntry[] Commands =
    [
        new("check", CheckCommand.Create),
        new("fmt", FormatCommand.Create),
        new("lint", () => LintCommand.Create(() => Console.In)),
        new("explain", ExplainCommand.Create),
        new("compile", CompileCommand.Create),
        new("run", RunCommand.Create),
        new("plant", PlantCommand.Create),
        new("lsp", LspCommand.Create),
        new("server", ServerCommand.Create),
    ];

    /// <summary>The commands' names, in the order help lists them.</summary>
    public static IReadOnlyList<string> CommandNames { get; } = [.. Commands.Select(c => c.Name)];

    /// <summary>
    /// The command tree; given the command a process was started for, only that one: building the others' options
    /// (and JIT-compiling their generic option types) is start-up time a short command does not need.
    /// </summary>
    public static RootCommand CreateRoot(string? only = null)
    {
        var root = new RootCommand("RecipeLang: check, format, compile and dry-run cathode regeneration recipes.");
        var single = only is not null && CommandNames.Contains(only);
        foreach (var command in Commands)
        {
            if (!single || command.Name == only)
            {
                root.Subcommands.Add(command.Create());
            }
        }
        return root;
    }

    /// <summary>
    /// Runs <paramref name="args"/>. <paramref name="ownsProcess"/> is false in the command server, where SIGINT and
    /// SIGTERM belong to the server and must not cancel the command it runs for a client.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, bool ownsProcess = true)
    {
        try
        {
            if (args.Length == 0)
            {
                // No command: the help, so a newcomer sees what there is (exit 2: nothing was done).
                await root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
                return ExitCodes.Usage;
            }
            var names = CommandNames;
            if (!args[0].StartsWith('-') && !names.Contains(args[0]) && root.Subcommands.All(c => c.Name != args[0]))
            {
                error.WriteLine($"recipelang: '{args[0]}' is not a command{RecipeLang.Binding.Suggestions.DidYouMean(args[0], names)}");
                error.WriteLine($"Commands: {string.Join(", ", names)}. Run 'recipelang --help' for usage.");
                return ExitCodes.Usage;
            }
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var parseError in parsed.Errors)
                {
                    error.WriteLine($"recipelang: {parseError.Message}");
                }
                error.WriteLine("Run 'recipelang --help' for usage.");
                return ExitCodes.Usage;
            }
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error };
            if (!ownsProcess)
            {
                configuration.ProcessTerminationTimeout = null;
            }
            return await parsed.InvokeAsync(configuration);
        }
        catch (Exception e) when (Usage(e) is { } usage)
        {
            error.WriteLine($"recipelang: {usage.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("recipelang: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            var log = CrashLog.Write(args, e);
            error.WriteLine($"recipelang: internal error: {Messages.Shorten(e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "))}");
            error.WriteLine(log is null
                ? "This is a bug in RecipeLang; please report it with the command line at https://github.com/recipelang/recipelang/issues"
                : $"This is a bug in RecipeLang; please report it with {log} at https://github.com/recipelang/recipelang/issues");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>A usage problem, also when it surfaced inside a parallel loop.</summary>
    private static UsageException? Usage(Exception e) => e switch
    {
        UsageException usage => usage,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(Usage).FirstOrDefault(u => u is not null),
        _ => null,
    };
}
