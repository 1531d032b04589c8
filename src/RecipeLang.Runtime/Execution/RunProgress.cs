namespace RecipeLang.Runtime.Execution;

public enum RunProgressKind
{
    RunStarted,
    StepSkipped,
    StepStarted,
    Verb,
    /// <summary>A verb ended before its time for a reason the operator must know (a cut-off reached).</summary>
    EarlyEnd,
    StepCompleted,
    Fault,
    Cancelled,
    RunCompleted,
}

/// <summary>
/// A progress event. Step is set for step, verb, fault and cancel events; Verb says what the plan asked
/// the plant to do; Elapsed is by the run's clock.
/// </summary>
public sealed record RunProgress(RunProgressKind Kind, PlannedStep? Step, string? Verb, string? Message, DateTimeOffset At, TimeSpan Elapsed);
