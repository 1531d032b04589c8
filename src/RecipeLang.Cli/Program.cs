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
root.Subcommands.Add(LspCommand.Create());

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
