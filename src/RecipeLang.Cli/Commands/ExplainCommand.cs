using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Diagnostics;

namespace RecipeLang.Cli.Commands;

/// <summary><c>recipelang explain RL3001</c>: the documentation page of a diagnostic code.</summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "A diagnostic code, e.g. RL3001" };
        var command = new Command("explain", "Print the documentation of a diagnostic code") { code };
        command.SetAction(result =>
        {
            var requested = result.GetValue(code)!.Trim();
            var page = RuleDocs.Find(requested)
                ?? throw new UsageException($"{requested}: unknown diagnostic code; codes look like RL0003 (see docs/rules/)");
            result.InvocationConfiguration.Output.Write(page);
            return ExitCodes.Clean;
        });
        return command;
    }
}
