using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Journal;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Runtime.Tests.Plans;

namespace RecipeLang.Runtime.Tests.Journal;

/// <summary>Well-formed lines that cannot be true of a run: a hand-edited journal must not make a resume skip a step.</summary>
public class InconsistentJournalTests
{
    private const string Started = """{"event":"run-started","at":"2025-01-01T00:00:00Z","plan":"p","planHash":"h","resumeAt":0}""";

    [Test]
    public void A_completion_without_its_start_is_refused_naming_the_line()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n" + """{"event":"step-completed","at":"2025-01-01T01:00:00Z","step":0}""" + "\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":2: inconsistent journal: step 0 completed, but this run never started it"));
    }

    [Test]
    public void A_start_in_an_earlier_run_does_not_count_for_a_completion_in_a_later_one()
    {
        using var journal = new TempJournal();
        File.WriteAllLines(journal.Path,
        [
            Started,
            """{"event":"step-started","at":"2025-01-01T01:00:00Z","step":0}""",
            Started,
            """{"event":"step-completed","at":"2025-01-01T02:00:00Z","step":0}""",
        ]);

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":4: inconsistent journal:"));
    }

    [Test]
    public void A_negative_step_is_refused()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n" + """{"event":"step-started","at":"2025-01-01T01:00:00Z","step":-3}""" + "\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":2: inconsistent journal: step -3 is not a step number"));
    }

    [Test]
    public async Task A_completed_step_beyond_the_plan_makes_the_executor_refuse_naming_the_line()
    {
        using var journal = new TempJournal();
        var plan = new RegenerationPlan(Site.Limits.Hash);
        var hash = PlanFingerprint.Compute(plan);
        File.WriteAllLines(journal.Path,
        [
            $$"""{"event":"run-started","at":"2025-01-01T00:00:00Z","plan":"{{plan.Name}}","planHash":"{{hash}}","resumeAt":0}""",
            """{"event":"step-started","at":"2025-01-01T01:00:00Z","step":99}""",
            """{"event":"step-completed","at":"2025-01-01T02:00:00Z","step":99}""",
        ]);
        var plant = new SimulatedPlant();

        var result = await new PlanExecutor(Site.Limits).RunAsync(plan, plant, new RunOptions { Clock = plant.Clock, JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Refused));
        Assert.That(result.Message, Does.StartWith($"{journal.Path}:3: inconsistent journal: step 99 completed, but plan '{plan.Name}' has {plan.Steps.Count} steps"));
    }
}
