using RecipeLang.Cli.Hosting;
using RecipeLang.LanguageServer.Hosting;

namespace RecipeLang.Cli.Server;

/// <summary>
/// Runs each served command once on a sample file before the server answers anyone, so that the first client does
/// not wait for the JIT: without it the first served <c>check</c> took 260-290 ms, slower than a cold process.
/// </summary>
internal static class ServerWarmUp
{
    public static async Task RunAsync()
    {
        DirectoryInfo folder;
        try
        {
            folder = Directory.CreateTempSubdirectory("recipelang-warm-up-");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No temporary folder to write the sample to: the first client waits for the JIT instead.
            return;
        }
        try
        {
            var file = Path.Combine(folder.FullName, "warm-up.recipe");
            await File.WriteAllTextAsync(file, WarmUp.Sample);
            string[][] commands = [["check", file], ["lint", file, "--format", "json"], ["fmt", "--check", file]];
            foreach (var args in commands)
            {
                await CliApp.InvokeAsync(CliApp.CreateRoot(args[0]), args, TextWriter.Null, TextWriter.Null, ownsProcess: false);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
