using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Diagnostics;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang explain RL3001</c>: the documentation page of a diagnostic code; without a code, every code with its
/// severity and title (what messages that refuse a code point to).
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var code = new Argument<string?>("code") { Description = "A diagnostic code, e.g. RL3001; leave it out to list every code", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("explain", "Print the documentation of a diagnostic code, or list the codes") { code };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var requested = result.GetValue(code)?.Trim();
            if (string.IsNullOrEmpty(requested))
            {
                foreach (var descriptor in Descriptors.All)
                {
                    output.WriteLine($"{descriptor.Code}  {descriptor.DefaultSeverity.ToString().ToLowerInvariant(),-7}  {descriptor.Title}");
                }
                output.WriteLine("Run 'recipelang explain CODE' for a code's page.");
                return ExitCodes.Clean;
            }
            var page = RuleDocs.Find(requested)
                ?? throw new UsageException($"{requested}: unknown diagnostic code; codes look like RL0003 ('recipelang explain' lists them)");
            output.Write(page);
            return ExitCodes.Clean;
        });
        return command;
    }
}
