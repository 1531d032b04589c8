using RecipeLang.Runtime.Journal;

namespace RecipeLang.Runtime.Execution;

/// <summary>
/// The IStepContext of one run: journals each step, skips the ones an earlier run finished, and
/// remembers which step is running so that a fault can name it.
/// </summary>
internal sealed class RunContext(
    IStepPlan plan,
    IReadOnlySet<int> finished,
    RunJournal? journal,
    Func<DateTimeOffset> now,
    Action<RunProgressKind, PlannedStep?, string?> report) : IStepContext
{
    private readonly List<int> stepsRun = [];

    public int NextIndex { get; private set; }

    /// <summary>The step whose body is running, or that threw.</summary>
    public PlannedStep? Current { get; private set; }

    public IReadOnlyList<int> StepsRun => stepsRun;

    public async Task StepAsync(int index, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        if (index != NextIndex || index >= plan.Steps.Count)
            throw new InvalidOperationException(
                $"Plan '{plan.Name}' called step {index} but step {NextIndex} of {plan.Steps.Count} was next; a plan runs its steps once, in order.");
        cancellationToken.ThrowIfCancellationRequested();
        NextIndex++;
        var step = plan.Steps[index];
        if (finished.Contains(index))
        {
            report(RunProgressKind.StepSkipped, step, "finished in an earlier run");
            return;
        }

        Current = step;
        Write(JournalEvents.StepStarted, step);
        report(RunProgressKind.StepStarted, step, null);
        stepsRun.Add(index);
        await body(cancellationToken);
        Write(JournalEvents.StepCompleted, step);
        report(RunProgressKind.StepCompleted, step, null);
        Current = null;
    }

    private void Write(string kind, PlannedStep step) =>
        journal?.Append(new JournalEntry
        {
            Event = kind,
            At = now(),
            Step = step.Index,
            Description = kind == JournalEvents.StepStarted ? step.Description : null,
        });
}
