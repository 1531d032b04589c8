using RecipeLang.Runtime.Journal;

namespace RecipeLang.Runtime.Execution;

/// <summary>
/// Runs compiled plans against a plant under a site's equipment limits: refuses plans stamped for
/// another profile, puts the interlocks between plan and plant, journals every step, resumes an
/// unfinished run, and brings the plant to its safe state on a fault or a stop.
/// </summary>
public sealed class PlanExecutor(EquipmentLimits limits)
{
    public EquipmentLimits Limits { get; } = limits;

    /// <summary>Raised synchronously on the run's thread; keep handlers short.</summary>
    public event EventHandler<RunProgress>? Progress;

    public async Task<RunResult> RunAsync(IStepPlan plan, IProcessController controller, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var clock = options.Clock;
        var startedAt = clock.GetTimestamp();
        TimeSpan Elapsed() => clock.GetElapsedTime(startedAt);

        if (plan.ProfileHash != Limits.Hash && !options.ProfileRechecked)
            return Refused(
                $"Plan '{plan.Name}' was checked against equipment profile {plan.ProfileHash}, but this plant's profile is {Limits.Hash} ({Limits}). " +
                "Re-check the recipe against this profile and recompile it.");

        if (plan.Steps.Select((step, i) => (step, i)).FirstOrDefault(p => p.step.Index != p.i) is { step: not null } misnumbered)
            return Refused($"Plan '{plan.Name}' is malformed: its step at position {misnumbered.i} says it is step {misnumbered.step.Index}.");

        var planHash = PlanFingerprint.Compute(plan);
        var journal = options.JournalPath is null ? null : new RunJournal(options.JournalPath);
        IReadOnlyList<JournalEntry> journaled;
        try
        {
            journaled = journal?.Read() ?? [];
        }
        catch (Exception e) when (e is JournalFormatException or IOException or UnauthorizedAccessException)
        {
            return Refused($"Cannot read the journal: {e.Message}");
        }
        var finished = FinishedSteps(journaled, journal?.Path, plan, planHash, out var refusal);
        if (refusal is not null)
            return Refused(refusal);

        // The journal is append-only, so its time stamps must not go backwards: a clock that starts
        // earlier than the journal's last entry (a simulator starts at the same instant every run) is
        // shifted forward so that this run's first stamp continues from that entry.
        var lastStamp = journaled.Count > 0 ? journaled.Max(e => e.At) : DateTimeOffset.MinValue;
        var shift = lastStamp > clock.GetUtcNow() ? lastStamp - clock.GetUtcNow() : TimeSpan.Zero;
        DateTimeOffset Now() => clock.GetUtcNow() + shift;

        var resumeAt = Enumerable.Range(0, plan.Steps.Count).FirstOrDefault(i => !finished.Contains(i), plan.Steps.Count);
        journal?.Append(new JournalEntry
        {
            Event = JournalEvents.RunStarted,
            At = Now(),
            Plan = plan.Name,
            PlanHash = planHash,
            ProfileHash = Limits.Hash,
            ResumeAt = resumeAt,
        });
        Report(RunProgressKind.RunStarted, null, null, resumeAt > 0 ? $"resuming at step {resumeAt + 1}" : null);

        var context = new RunContext(plan, finished, journal, Now, (kind, step, message) => Report(kind, step, null, message));
        var charges = new ChargeLedger(ChargedSteps(journaled, finished), () => context.Current,
            (step, ordinal, what) => journal?.Append(new JournalEntry { Event = JournalEvents.Charged, At = Now(), Step = step.Index, Charge = ordinal, Description = what }),
            skipped => Report(RunProgressKind.Verb, context.Current, skipped, null));
        var guarded = new InterlockedController(controller, Limits, options.WatchInterval,
            verb => Report(RunProgressKind.Verb, context.Current, verb, null),
            earlyEnd =>
            {
                Journal(JournalEvents.CutOff, context.Current, earlyEnd);
                Report(RunProgressKind.EarlyEnd, context.Current, null, earlyEnd);
            },
            charges);
        try
        {
            await plan.RunAsync(guarded, context, cancellationToken);
            if (context.NextIndex != plan.Steps.Count)
                throw new InvalidOperationException($"Plan '{plan.Name}' ended after {context.NextIndex} of its {plan.Steps.Count} steps.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var safe = await SafeState.ReachAsync(controller, Limits);
            var message = context.Current is { } step ? $"Cancelled in {step}; the plant is in its safe state. Run again to resume." : "Cancelled; the plant is in its safe state.";
            Stop(JournalEvents.Cancelled, RunProgressKind.Cancelled, context.Current, message);
            return new RunResult(RunOutcome.Cancelled, message, context.Current, context.StepsRun, safe, Elapsed());
        }
        catch (Exception e)
        {
            var safe = await SafeState.ReachAsync(controller, Limits);
            var cause = e is InterlockTrippedException ? $"interlock tripped: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
            var message = context.Current is { } step ? $"Fault in {step}: {cause}" : $"Fault: {cause}";
            Stop(JournalEvents.Fault, RunProgressKind.Fault, context.Current, message);
            return new RunResult(RunOutcome.Faulted, message, context.Current, context.StepsRun, safe, Elapsed());
        }

        journal?.Append(new JournalEntry { Event = JournalEvents.RunCompleted, At = Now(), Plan = plan.Name, PlanHash = planHash });
        Report(RunProgressKind.RunCompleted, null, null, null);
        return new RunResult(RunOutcome.Completed, $"Plan '{plan.Name}' completed.", null, context.StepsRun, [], Elapsed());

        RunResult Refused(string message) => new(RunOutcome.Refused, message, null, [], [], TimeSpan.Zero);

        void Report(RunProgressKind kind, PlannedStep? step, string? verb, string? message) =>
            Progress?.Invoke(this, new RunProgress(kind, step, verb, message, Now(), Elapsed()));

        void Stop(string journalEvent, RunProgressKind kind, PlannedStep? step, string message)
        {
            Journal(journalEvent, step, message);
            Report(kind, step, null, message);
        }

        void Journal(string journalEvent, PlannedStep? step, string message) =>
            journal?.Append(new JournalEntry
            {
                Event = journalEvent,
                At = Now(),
                Step = step?.Index,
                File = step?.Location.File,
                Line = step?.Location.Line,
                Column = step?.Location.Column,
                Message = message,
            });
    }

    /// <summary>The charges done in the unfinished steps of the open run: a resumed run must not charge them again.</summary>
    private static HashSet<(int Step, int Ordinal)> ChargedSteps(IReadOnlyList<JournalEntry> entries, IReadOnlySet<int> finished)
    {
        var open = entries.Skip(entries.ToList().FindLastIndex(e => e.Event == JournalEvents.RunCompleted) + 1);
        return open.Where(e => e.Event == JournalEvents.Charged && e.Step is { } step && e.Charge is not null && !finished.Contains(step))
            .Select(e => (e.Step!.Value, e.Charge!.Value)).ToHashSet();
    }

    /// <summary>The steps finished since the journal's last completed run, all of which must be of this plan.</summary>
    private static HashSet<int> FinishedSteps(IReadOnlyList<JournalEntry> entries, string? path, IStepPlan plan, string planHash, out string? refusal)
    {
        refusal = null;
        var open = entries.Skip(entries.ToList().FindLastIndex(e => e.Event == JournalEvents.RunCompleted) + 1).ToList();
        if (open.FirstOrDefault(e => e.Event == JournalEvents.RunStarted && e.PlanHash != planHash) is { } other)
        {
            refusal = $"Journal {path} holds an unfinished run of plan '{other.Plan}' (plan hash {other.PlanHash}), not of '{plan.Name}' (plan hash {planHash}). " +
                "Finish that run, or give this run another journal file.";
            return [];
        }
        var completed = open.Where(e => e.Event == JournalEvents.StepCompleted && e.Step is not null).ToList();
        if (completed.FirstOrDefault(e => e.Step >= plan.Steps.Count) is { } outOfRange)
        {
            refusal = $"{path}:{outOfRange.JournalLine}: inconsistent journal: step {outOfRange.Step} completed, but plan '{plan.Name}' has {plan.Steps.Count} steps (0 to {plan.Steps.Count - 1}). " +
                "Restore the journal, or give this run another journal file.";
            return [];
        }
        return completed.Select(e => e.Step!.Value).ToHashSet();
    }
}
