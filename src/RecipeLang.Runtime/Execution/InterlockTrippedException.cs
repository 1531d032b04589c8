namespace RecipeLang.Runtime.Execution;

/// An equipment limit that a verb would exceed, or that a sensor reading shows exceeded.
public sealed class InterlockTrippedException(string message) : Exception(message);
