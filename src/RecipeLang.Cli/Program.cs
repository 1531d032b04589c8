using System.CommandLine;
using RecipeLang.Cli.Commands;
using RecipeLang.Cli.Input;

var root = new RootCommand("RecipeLang: check, format, compile and dry-run cathode regeneration recipes.");
root.Subcommands.Add(CheckCommand.Create());
root.Subcommands.Add(FormatCommand.Create());
root.Subcommands.Add(LintCommand.Create(() => Console.In));
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(CompileCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(PlantCommand.Create());
root.Subcommands.Add(LspCommand.Create());

if (args.Length == 0)
{
    // No command: the help, so a newcomer sees what there is (exit 2: nothing was done).
    await root.Parse("--help").InvokeAsync();
    return ExitCodes.Usage;
}
var names = root.Subcommands.Select(c => c.Name).ToList();
if (!args[0].StartsWith('-') && !names.Contains(args[0]))
{
    Console.Error.WriteLine($"recipelang: '{args[0]}' is not a command{RecipeLang.Binding.Suggestions.DidYouMean(args[0], names)}");
    Console.Error.WriteLine($"Commands: {string.Join(", ", names)}. Run 'recipelang --help' for usage.");
    return ExitCodes.Usage;
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"recipelang: {error.Message}");
    }
    Console.Error.WriteLine("Run 'recipelang --help' for usage.");
    return ExitCodes.Usage;
}
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    Console.Error.WriteLine($"recipelang: {e.Message}");
    return ExitCodes.Usage;
}
