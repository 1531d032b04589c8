namespace RecipeLang.Runtime.Execution;

/// <summary>How a run ended.</summary>
/// <param name="Outcome">Completed, refused, faulted or cancelled.</param>
/// <param name="Message">One sentence for the operator; names the step and the limit on a fault.</param>
/// <param name="FailedStep">The step that was running when the run faulted or was cancelled.</param>
/// <param name="StepsRun">Indices of the steps this run executed (a resumed run leaves out the finished ones).</param>
/// <param name="SafeStateActions">What the safe-state sequence did; empty unless the run faulted or was cancelled.</param>
/// <param name="Elapsed">Run time by the run's clock (simulated time in a dry run).</param>
public sealed record RunResult(
    RunOutcome Outcome,
    string Message,
    PlannedStep? FailedStep,
    IReadOnlyList<int> StepsRun,
    IReadOnlyList<string> SafeStateActions,
    TimeSpan Elapsed);
