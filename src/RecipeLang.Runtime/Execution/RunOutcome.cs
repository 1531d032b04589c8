namespace RecipeLang.Runtime.Execution;

public enum RunOutcome
{
    Completed,
    /// The plan was not started: its profile stamp or the journal does not match.
    Refused,
    /// An interlock tripped or a verb failed; the plant was brought to its safe state.
    Faulted,
    /// The caller cancelled; the plant was brought to its safe state. Run again to resume.
    Cancelled,
}
