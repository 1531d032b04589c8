using System.Diagnostics;

namespace RecipeLang.Cli.Tests;

/// <summary>Runs the real <c>recipelang</c> (built beside the tests) as a process, as a user or CI would.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    /// <summary>
    /// Runs with <paramref name="input"/> on standard input (closed when null), in process: no command server is
    /// used or started (<see cref="RunWithEnvironment"/> sets the variables that the server tests need).
    /// </summary>
    public static Result RunWithInput(string workingDirectory, string? input, params string[] args) =>
        RunWithEnvironment(workingDirectory, input, new Dictionary<string, string?> { ["RECIPELANG_SERVER"] = "off" }, args);

    /// <summary>Runs with <paramref name="environment"/> added to this process's (a null value removes a variable).</summary>
    public static Result RunWithEnvironment(string workingDirectory, string? input, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "recipelang.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
            process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("recipelang did not exit within 60 s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The repository root (the folder holding RecipeLang.sln), for running on the shipped examples.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RecipeLang.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("RecipeLang.sln not found above the test directory");
        }
    }
}
