using System.Reflection;
using System.Text.Json;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Runtime.Tests.Plans;

namespace RecipeLang.Runtime.Tests.Execution;

public class ResumeTests
{
    private static readonly RegenerationPlan Plan = new(Site.Limits.Hash);

    [Test]
    public async Task Run_cancelled_after_step_2_resumes_with_steps_3_and_4_only()
    {
        using var journal = new TempJournal();
        var first = new PlanExecutor(Site.Limits);
        var firstCalls = CountVerbsPerStep(first);

        var cancelled = await Interruption.RunUntilStepCompletedAsync(first, Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path }, lastStep: 1);
        var second = new PlanExecutor(Site.Limits);
        var secondCalls = CountVerbsPerStep(second);
        var resumed = await second.RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(cancelled.Outcome, Is.EqualTo(RunOutcome.Cancelled));
        Assert.That(cancelled.StepsRun, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(firstCalls.Keys, Is.EquivalentTo(new[] { 0, 1 }));
        Assert.That(resumed.Outcome, Is.EqualTo(RunOutcome.Completed), resumed.Message);
        Assert.That(resumed.StepsRun, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(secondCalls.Keys, Is.EquivalentTo(new[] { 2, 3 }), "no verb of a finished step reached the plant again");
        Assert.That(secondCalls[2], Is.EqualTo(5));
        Assert.That(secondCalls[3], Is.EqualTo(3));
    }

    [Test]
    public async Task Run_killed_inside_step_3_resumes_by_rerunning_that_step_from_its_start()
    {
        using var journal = new TempJournal();
        // The furnace hold never returns: the process "dies" there with the journal as it was.
        var hanging = HangingController.Around(new SimulatedPlant(), hangOn: nameof(IProcessController.HoldAsync), vessel: Vessel.Furnace);
        var killed = new PlanExecutor(Site.Limits).RunAsync(Plan, hanging, new RunOptions { JournalPath = journal.Path });
        Assert.That(killed.IsCompleted, Is.False);
        Assert.That(journal.Lines[^1], Does.Contain("\"event\":\"step-started\"").And.Contain("\"step\":2"));

        var second = new PlanExecutor(Site.Limits);
        var calls = CountVerbsPerStep(second);
        var resumed = await second.RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(resumed.Outcome, Is.EqualTo(RunOutcome.Completed), resumed.Message);
        Assert.That(resumed.StepsRun, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(calls[2], Is.EqualTo(5), "the interrupted step ran all its verbs again, from the transfer on");
    }

    [Test]
    public async Task Resume_inside_a_step_does_not_repeat_the_charges_the_plant_already_did()
    {
        using var journal = new TempJournal();
        // The process "dies" in the autoclave hold of step 1, after both charges.
        var hanging = HangingController.Around(new SimulatedPlant(), hangOn: nameof(IProcessController.HoldAsync), vessel: Vessel.Autoclave);
        _ = new PlanExecutor(Site.Limits).RunAsync(Plan, hanging, new RunOptions { JournalPath = journal.Path });
        Assert.That(journal.Lines.Count(l => l.Contains("\"event\":\"charged\"")), Is.EqualTo(2));

        // The plant kept its contents; this fresh simulator stands for it, so a repeated charge would show in its mixer.
        var plant = new SimulatedPlant();
        var second = new PlanExecutor(Site.Limits);
        var verbs = new List<string>();
        second.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb)
                verbs.Add(e.Verb!);
        };
        var resumed = await second.RunAsync(Plan, plant, new RunOptions { JournalPath = journal.Path });

        Assert.That(resumed.Outcome, Is.EqualTo(RunOutcome.Completed), resumed.Message);
        Assert.That(resumed.StepsRun, Is.EqualTo(new[] { 0, 1, 2, 3 }), "the interrupted step runs again from its start");
        Assert.That(verbs.Count(v => v.EndsWith("skipped, charged before the run stopped")), Is.EqualTo(2));
        Assert.That(plant.State(Vessel.Mixer).Contents, Is.EqualTo(new[] { "1 g Li3PO4" }), "only the coating's charge, which had not happened, reached the plant");
    }

    [Test]
    public async Task Journal_is_json_lines_and_append_only_across_a_resume()
    {
        using var journal = new TempJournal();
        await Interruption.RunUntilStepCompletedAsync(new PlanExecutor(Site.Limits), Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path }, lastStep: 1);
        var afterFirst = File.ReadAllBytes(journal.Path);

        await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });
        var afterResume = File.ReadAllBytes(journal.Path);

        Assert.That(afterResume.Take(afterFirst.Length), Is.EqualTo(afterFirst), "the resume only appended");
        var events = journal.Lines.Select(line =>
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            return root.GetProperty("event").GetString() + (root.TryGetProperty("step", out var step) ? $" {step.GetInt32()}" : "");
        });
        Assert.That(events, Is.EqualTo(new[]
        {
            "run-started", "step-started 0", "charged 0", "charged 0", "step-completed 0", "step-started 1", "step-completed 1", "cancelled",
            "run-started", "step-started 2", "step-completed 2", "step-started 3", "charged 3", "step-completed 3", "run-completed",
        }));
        using var resumeStart = JsonDocument.Parse(journal.Lines[8]);
        Assert.That(resumeStart.RootElement.GetProperty("resumeAt").GetInt32(), Is.EqualTo(2));
        Assert.That(resumeStart.RootElement.GetProperty("plan").GetString(), Is.EqualTo("ncm523_hydrothermal"));
        Assert.That(resumeStart.RootElement.GetProperty("planHash").GetString(), Is.EqualTo(PlanFingerprint.Compute(Plan)));
    }

    [Test]
    public async Task Completed_run_in_the_journal_starts_the_next_run_from_step_1()
    {
        using var journal = new TempJournal();
        await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        var again = await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(again.StepsRun, Is.EqualTo(new[] { 0, 1, 2, 3 }));
    }

    [Test]
    public async Task Journal_with_an_unfinished_run_of_another_plan_is_refused()
    {
        using var journal = new TempJournal();
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path }, stop.Token);

        var other = new RegenerationPlan(Site.Limits.Hash, annealC: 800);
        var result = await new PlanExecutor(Site.Limits).RunAsync(other, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Refused));
        Assert.That(result.Message, Does.Contain(PlanFingerprint.Compute(Plan)).And.Contain(PlanFingerprint.Compute(other)));
    }

    [Test]
    public async Task Journal_that_is_not_json_lines_is_refused_with_its_line_number()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, "not json\n{\"event\":\"step-started\",\"at\":\"2025-01-01T00:00:00Z\",\"step\":0}\n");

        var result = await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Refused));
        Assert.That(result.Message, Does.Contain("run.jsonl:1: not a journal event"));
    }

    [Test]
    public async Task Torn_last_journal_line_from_a_crash_is_ignored()
    {
        using var journal = new TempJournal();
        await Interruption.RunUntilStepCompletedAsync(new PlanExecutor(Site.Limits), Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path }, lastStep: 0);
        File.AppendAllText(journal.Path, "{\"event\":\"step-comp");

        var resumed = await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(resumed.Outcome, Is.EqualTo(RunOutcome.Completed), resumed.Message);
        Assert.That(resumed.StepsRun, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(journal.Lines.Count(l => l.StartsWith("{\"event\":\"step-comp", StringComparison.Ordinal) && !l.EndsWith('}')), Is.EqualTo(1),
            "the torn line stays alone on its line");
        var again = await new PlanExecutor(Site.Limits).RunAsync(Plan, new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });
        Assert.That(again.StepsRun, Is.EqualTo(new[] { 0, 1, 2, 3 }), "the journal still reads after the crash");
    }

    /// <summary>Counts the verbs the plan issues in each step, as the executor reports them.</summary>
    private static Dictionary<int, int> CountVerbsPerStep(PlanExecutor executor)
    {
        var counts = new Dictionary<int, int>();
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb && e.Step is { } step)
                counts[step.Index] = counts.GetValueOrDefault(step.Index) + 1;
        };
        return counts;
    }

    /// <summary>Forwards every verb to a plant, except that one verb on one vessel never completes.</summary>
    public class HangingController : DispatchProxy
    {
        private IProcessController plant = null!;
        private string hangOn = "";
        private Vessel vessel;

        public static IProcessController Around(IProcessController plant, string hangOn, Vessel vessel)
        {
            var proxy = Create<IProcessController, HangingController>();
            var hanging = (HangingController)(object)proxy;
            (hanging.plant, hanging.hangOn, hanging.vessel) = (plant, hangOn, vessel);
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == hangOn && Equals(args![0], vessel)
                ? new TaskCompletionSource().Task
                : targetMethod.Invoke(plant, args);
    }
}
