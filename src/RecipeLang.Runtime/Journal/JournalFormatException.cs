namespace RecipeLang.Runtime.Journal;

/// <summary>A journal line that is not a journal event, or that contradicts the lines before it: the file was edited or is not a RecipeLang journal.</summary>
public sealed class JournalFormatException : Exception
{
    public JournalFormatException(string path, int line, string reason)
        : base($"{path}:{line}: not a journal event ({reason}).")
    {
    }

    private JournalFormatException(string message)
        : base(message)
    {
    }

    /// <summary>A well-formed line that cannot be true of a run, e.g. a step completed that never started.</summary>
    public static JournalFormatException Inconsistent(string path, int line, string reason) =>
        new($"{path}:{line}: inconsistent journal: {reason}; the file was edited or mixes runs, so resuming from it could skip work. " +
            "Restore the journal, or start a fresh run with another --journal path.");
}
