namespace RecipeLang.Runtime.Execution;

public enum RunOutcome
{
    Completed,
    /// <summary>The plan was not started: its profile stamp or the journal does not match.</summary>
    Refused,
    /// <summary>An interlock tripped or a verb failed; the plant was brought to its safe state.</summary>
    Faulted,
    /// <summary>The caller cancelled; the plant was brought to its safe state. Run again to resume.</summary>
    Cancelled,
}
