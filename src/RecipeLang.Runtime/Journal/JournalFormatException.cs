namespace RecipeLang.Runtime.Journal;

/// <summary>A journal line that is not a journal event: the file was edited or is not a RecipeLang journal.</summary>
public sealed class JournalFormatException(string path, int line, string reason)
    : Exception($"{path}:{line}: not a journal event ({reason}).");
