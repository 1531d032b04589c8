using System.CommandLine;
using RecipeLang.Cli.Hosting;

namespace RecipeLang.Cli.Tests;

/// <summary>Runs <c>recipelang</c> in this process, through the same top-level handler as the real executable.</summary>
public static class InProcessCli
{
    public static CliRunner.Result Run(params string[] args) => Run(CliApp.CreateRoot(), args);

    public static CliRunner.Result Run(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.InvokeAsync(root, args, output, error).GetAwaiter().GetResult();
        return new CliRunner.Result(exit, output.ToString(), error.ToString());
    }
}
