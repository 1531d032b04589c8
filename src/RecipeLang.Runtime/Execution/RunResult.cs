namespace RecipeLang.Runtime.Execution;

public sealed record RunResult(
    RunOutcome Outcome,
    string Message,
    /// The step that was running when the run faulted or was cancelled.
    PlannedStep? FailedStep,
    /// Indices of the steps this run executed (a resumed run leaves out the finished ones).
    IReadOnlyList<int> StepsRun,
    /// What the safe-state sequence did; empty unless the run faulted or was cancelled.
    IReadOnlyList<string> SafeStateActions,
    /// Run time by the run's clock (simulated time in a dry run).
    TimeSpan Elapsed);
