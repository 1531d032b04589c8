using System.Diagnostics;

namespace RecipeLang.Cli.Server;

/// <summary>Starts this build's command server as a background process of its own.</summary>
public static class ServerProcess
{
    /// <summary>Minutes without a request before a server exits (the C# compiler server's default, too).</summary>
    public const int DefaultIdleMinutes = 10;

    /// <summary>
    /// Starts <c>recipelang server run --detached</c> with the same runtime and assembly as this process, its standard
    /// streams closed so it holds no pipe of a shell's command substitution open. Failing to start is not an error:
    /// commands then run in process, as they would without a server.
    /// </summary>
    public static bool StartDetached(double idleMinutes)
    {
        try
        {
            var host = Environment.ProcessPath;
            if (host is null)
            {
                return false;
            }
            var start = new ProcessStartInfo(host)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            // Under `dotnet recipelang.dll` the host is dotnet and needs the assembly; an apphost is the tool itself.
            if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            {
                start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "recipelang.dll"));
            }
            foreach (var arg in (string[])["server", "run", "--detached", "--idle-timeout", idleMinutes.ToString("R", System.Globalization.CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            process.StandardInput.Close();
            process.StandardOutput.Close();
            process.StandardError.Close();
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return false;
        }
    }
}
