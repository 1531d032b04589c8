namespace RecipeLang.Cli.Commands;

/// <summary>The exit codes every command shares, so CI scripts can tell findings from misuse (docs/exit-codes.md).</summary>
public static class ExitCodes
{
    public const int Clean = 0;

    /// <summary>The recipes have errors (check, lint), are not formatted (fmt --check) or failed to compile or run.</summary>
    public const int Errors = 1;

    /// <summary>Usage or I/O problem: unknown option, missing file, unreadable path, not UTF-8, unwritable output.</summary>
    public const int Usage = 2;

    /// <summary>A bug in RecipeLang: an unexpected exception, reported in one line with its trace in a crash log (BSD EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it); a run journals 'cancelled' first.</summary>
    public const int Interrupted = 130;
}
