namespace RecipeLang.Runtime.Execution;

/// <summary>An equipment limit that a verb would exceed, or that a sensor reading shows exceeded.</summary>
public sealed class InterlockTrippedException(string message) : Exception(message);
