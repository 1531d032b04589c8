namespace RecipeLang.Cli.Commands;

/// <summary>The exit codes every command shares, so CI scripts can tell findings from misuse.</summary>
public static class ExitCodes
{
    public const int Clean = 0;

    /// <summary>The recipes have errors (check, lint), are not formatted (fmt --check) or failed to compile or run.</summary>
    public const int Errors = 1;

    /// <summary>Usage or I/O problem: unknown option, missing file, unreadable path, not UTF-8.</summary>
    public const int Usage = 2;
}
