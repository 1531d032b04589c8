namespace RecipeLang.Runtime.Execution;

/// <summary>
/// Makes charges happen once per run even across a resume: each charge of a step is numbered in order, journaled
/// when the plant has done it, and skipped when a resumed run re-enters the step it was interrupted in. Other
/// verbs repeat harmlessly (a ramp to where the vessel already is), a second charge would double the batch.
/// </summary>
internal sealed class ChargeLedger(IReadOnlySet<(int Step, int Ordinal)> charged, Func<PlannedStep?> currentStep, Action<PlannedStep, int, string> journal, Action<string> skipped)
{
    private int? step;
    private int next;

    public async Task ChargeOnceAsync(string what, Func<Task> charge)
    {
        if (currentStep() is not { } current)
        {
            await charge();
            return;
        }
        if (step != current.Index)
        {
            step = current.Index;
            next = 0;
        }
        var ordinal = next++;
        if (charged.Contains((current.Index, ordinal)))
        {
            skipped($"{what}: skipped, charged before the run stopped");
            return;
        }
        await charge();
        journal(current, ordinal, what);
    }
}
