namespace RecipeLang.Cli.Hosting;

/// <summary>
/// Where an unexpected exception's trace goes, so the terminal gets one line and the bug report gets the whole story:
/// <c>$RECIPELANG_CRASH_DIR</c>, else the temporary folder.
/// </summary>
public static class CrashLog
{
    /// <summary>The log's path, or null when even that could not be written.</summary>
    public static string? Write(string[] args, Exception exception)
    {
        try
        {
            var folder = Environment.GetEnvironmentVariable("RECIPELANG_CRASH_DIR") is { Length: > 0 } configured ? configured : Path.GetTempPath();
            var path = Path.Combine(folder, $"recipelang-crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log");
            var version = typeof(CrashLog).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            File.WriteAllText(path,
                $"recipelang {version} on .NET {Environment.Version} ({System.Runtime.InteropServices.RuntimeInformation.OSDescription})\n" +
                $"arguments: {string.Join(' ', args.Select(a => Messages.Shorten(a)))}\n" +
                $"working directory: {Environment.CurrentDirectory}\n\n{exception}\n");
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
