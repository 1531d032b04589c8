using System.CommandLine;
using System.Runtime;
using RecipeLang.LanguageServer.Hosting;

namespace RecipeLang.Cli.Commands;

/// <summary><c>recipelang lsp</c>: the language server over stdin/stdout (LSP 3.17).</summary>
public static class LspCommand
{
    public static Command Create()
    {
        var command = new Command("lsp", "Run the language server over standard input and output (for editors)");
        command.SetAction((_, cancellationToken) =>
        {
            // An editor waits on every keystroke: full collections run in the background instead of stopping the
            // server (a blocking one on a large document's heap took 90-115 ms; docs/benchmarks.md, "LSP latency").
            GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
            var fileSystem = new System.IO.Abstractions.FileSystem();
            ThreadPool.QueueUserWorkItem(_ => WarmUpOrLog(fileSystem));
            return LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), LanguageServerHost.CreateWorkspace(fileSystem), cancellationToken: cancellationToken);
        });
        return command;
    }

    private static void WarmUpOrLog(System.IO.Abstractions.IFileSystem fileSystem)
    {
        try
        {
            WarmUp.Run(fileSystem);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"recipelang lsp: warm-up failed: {e.Message}");
        }
    }
}
