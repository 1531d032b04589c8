using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Journal;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Runtime.Tests.Plans;

namespace RecipeLang.Runtime.Tests.Journal;

public class RunJournalTests
{
    private const string Started = """{"event":"run-started","at":"2025-01-01T00:00:00Z","plan":"p","planHash":"h","resumeAt":0}""";
    private const string StepStarted = """{"event":"step-started","at":"2025-01-01T01:00:00Z","step":0}""";

    private static readonly RegenerationPlan Plan = new(Site.Limits.Hash);

    [Test]
    public void A_whole_line_that_is_not_json_is_refused_with_its_file_and_line_even_as_the_last_line()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n" + StepStarted + "\ngarbage\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":3: not a journal event ("));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void A_fragment_of_an_entry_ending_the_file_without_a_newline_is_a_torn_write_and_ignored()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n" + StepStarted + "\n{\"event\":\"step-compl");

        var entries = new RunJournal(journal.Path).Read();

        Assert.That(entries.Select(e => e.Event), Is.EqualTo(new[] { JournalEvents.RunStarted, JournalEvents.StepStarted }));
    }

    [Test]
    public void A_fragment_followed_by_a_newline_and_a_step_is_no_torn_write_and_refused()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n{\"event\":\"step-compl\n" + StepStarted + "\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":2: not a journal event"));
    }

    [Test]
    public void An_unknown_event_is_refused()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, Started + "\n" + StepStarted.Replace("step-started", "step-skipped", StringComparison.Ordinal) + "\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Is.EqualTo(journal.Path + ":2: not a journal event (unknown event 'step-skipped')."));
    }

    [Test]
    public void A_journal_that_does_not_begin_with_run_started_is_refused()
    {
        using var journal = new TempJournal();
        File.WriteAllText(journal.Path, StepStarted + "\n");

        var error = Assert.Throws<JournalFormatException>(() => new RunJournal(journal.Path).Read());

        Assert.That(error!.Message, Does.StartWith(journal.Path + ":1: not a journal event (a journal begins with 'run-started'"));
    }

    [Test]
    public void LastRun_is_null_without_a_journal_and_says_whether_the_last_run_completed()
    {
        using var journal = new TempJournal();
        Assert.That(new RunJournal(journal.Path).LastRun(), Is.Null);

        File.WriteAllText(journal.Path, Started + "\n" + StepStarted + "\n");
        Assert.That(new RunJournal(journal.Path).LastRun(), Is.EqualTo(new JournalRun("p", "h", false, DateTimeOffset.Parse("2025-01-01T01:00:00Z"))));

        File.AppendAllText(journal.Path, """{"event":"run-completed","at":"2025-01-01T02:00:00Z","plan":"p","planHash":"h"}""" + "\n");
        Assert.That(new RunJournal(journal.Path).LastRun(), Is.EqualTo(new JournalRun("p", "h", true, DateTimeOffset.Parse("2025-01-01T02:00:00Z"))));
    }

    [Test]
    public async Task A_resumed_simulated_run_continues_the_journal_clock_instead_of_restarting_it()
    {
        using var journal = new TempJournal();
        var firstPlant = new SimulatedPlant();
        await Interruption.RunUntilStepCompletedAsync(new PlanExecutor(Site.Limits), Plan, firstPlant, new RunOptions { JournalPath = journal.Path, Clock = firstPlant.Clock }, lastStep: 1);
        var stopped = new RunJournal(journal.Path).Read();

        // A new simulated plant starts its clock at the same instant as the first one did.
        var secondPlant = new SimulatedPlant();
        var resumed = await new PlanExecutor(Site.Limits).RunAsync(Plan, secondPlant, new RunOptions { JournalPath = journal.Path, Clock = secondPlant.Clock });

        var stamps = new RunJournal(journal.Path).Read().Select(e => e.At).ToList();
        Assert.That(resumed.Outcome, Is.EqualTo(RunOutcome.Completed), resumed.Message);
        Assert.That(stopped[^1].At, Is.GreaterThan(stopped[0].At), "the first run took simulated time");
        Assert.That(stamps, Is.Ordered, "time stamps never go backwards in the append-only journal");
        Assert.That(stamps[stopped.Count], Is.EqualTo(stopped[^1].At), "the resumed run starts where the journal left off");
        Assert.That(stamps[^1], Is.GreaterThan(stopped[^1].At));
    }
}
