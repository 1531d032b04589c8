using System.Runtime.CompilerServices;
using RecipeLang.Cli.Hosting;
using RecipeLang.Cli.Server;

namespace RecipeLang.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (ServerClient.TryRun(args, out var startServer) is { } served)
        {
            return served;
        }
        var exit = await InProcess(args);
        if (startServer)
        {
            ServerProcess.StartDetached(ServerProcess.DefaultIdleMinutes);
        }
        return exit;
    }

    // Its own method, so that a command the server answers never loads the command-line parser or the checker.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<int> InProcess(string[] args) =>
        CliApp.InvokeAsync(CliApp.CreateRoot(args.FirstOrDefault()), args, Console.Out, Console.Error);
}
