using RecipeLang.Cli.Commands;
using RecipeLang.Cli.Hosting;

namespace RecipeLang.Cli.Input;

/// <summary>
/// Files of a folder or glob run that could not be processed. Each is one line on stderr after the report of the
/// others, so one bad file never hides the findings in the rest; the exit code then says what went wrong.
/// </summary>
public sealed class FileProblems
{
    private readonly List<string> _lines = [];
    private bool _crashed;

    public int Count => _lines.Count;

    public void Unreadable(UsageException problem)
    {
        lock (_lines)
        {
            _lines.Add(problem.Message);
        }
    }

    /// <summary>A bug met while processing one file: its trace goes to a crash log, the file is skipped.</summary>
    public void Crashed(RecipeFile file, Exception exception)
    {
        var log = CrashLog.Write([file.FullPath], exception);
        lock (_lines)
        {
            _crashed = true;
            _lines.Add($"{file.DisplayPath}: internal error: {Messages.Shorten(exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" "))}; " +
                $"this is a bug in RecipeLang, please report it{(log is null ? "" : " with " + log)} at https://github.com/recipelang/recipelang/issues");
        }
    }

    public void Report(TextWriter error)
    {
        foreach (var line in _lines)
        {
            error.WriteLine($"recipelang: {line}");
        }
    }

    /// <summary>The exit code: 70 after a bug, 2 after an unreadable file, else the command's own.</summary>
    public int ExitCode(int otherwise) => _crashed ? ExitCodes.InternalError : _lines.Count > 0 ? ExitCodes.Usage : otherwise;
}
