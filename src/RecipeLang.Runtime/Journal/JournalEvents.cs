namespace RecipeLang.Runtime.Journal;

/// <summary>The values of JournalEntry.Event.</summary>
public static class JournalEvents
{
    public const string RunStarted = "run-started";
    public const string StepStarted = "step-started";
    public const string StepCompleted = "step-completed";
    /// <summary>The plant did a charge (Step, Charge: its ordinal in the step): a resume does not repeat it.</summary>
    public const string Charged = "charged";
    /// <summary>A galvanostatic step ended at its cut-off potential before its maximum time.</summary>
    public const string CutOff = "cut-off";
    public const string Fault = "fault";
    public const string Cancelled = "cancelled";
    public const string RunCompleted = "run-completed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        RunStarted, StepStarted, StepCompleted, Charged, CutOff, Fault, Cancelled, RunCompleted,
    };
}
