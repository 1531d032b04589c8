using System.Text.Json;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Runtime.Tests.Plans;

namespace RecipeLang.Runtime.Tests.Execution;

public class ExecutorTests
{
    [Test]
    public async Task Four_step_plan_with_a_20_hour_anneal_runs_on_simulated_time()
    {
        var plant = new SimulatedPlant();
        var executor = new PlanExecutor(Site.Limits);

        var result = await executor.RunAsync(new RegenerationPlan(Site.Limits.Hash), plant, new RunOptions { Clock = plant.Clock });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed), result.Message);
        Assert.That(result.StepsRun, Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(plant.Clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(20 + 12 + 3)));
        Assert.That(result.Elapsed, Is.EqualTo(plant.Clock.Elapsed));
        Assert.That(plant.State(Vessel.Mixer).Contents, Does.Contain("200 mL 4 mol/L LiOH").And.Contain("1 g Li3PO4"));
    }

    [Test]
    public async Task Thermal_profile_shows_the_anneal_plateau_and_the_autoclave_steam_pressure()
    {
        var plant = new SimulatedPlant();

        await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(Site.Limits.Hash), plant);

        var furnace = plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).ToList();
        var autoclave = plant.ThermalProfile.Where(s => s.Vessel == Vessel.Autoclave).ToList();
        // The end of the 5 °C/min ramp overshoots by a few degrees (heater lag), within the hold tolerance.
        Assert.That(furnace.Max(s => s.TemperatureC), Is.InRange(850, 850 + HoldTolerance.DefaultCelsius));
        Assert.That(furnace.Count(s => Math.Abs(s.TemperatureC - 850) < 1), Is.GreaterThan(19 * 360), "about 20 h of 10 s samples at 850 °C");
        // Sealed: the pressure is saturated steam at the measured temperature, overshoot included (23.2 bar at 220 °C).
        var hottest = autoclave.MaxBy(s => s.TemperatureC)!;
        Assert.That(hottest.TemperatureC, Is.InRange(220, 220 + HoldTolerance.DefaultCelsius));
        Assert.That(hottest.PressureBar, Is.EqualTo(SteamTable.SaturationPressure(Temperature.Celsius(hottest.TemperatureC)).InBar).Within(1e-9));
        Assert.That(autoclave.Max(s => s.PressureBar), Is.InRange(23.2, 26));
        Assert.That(plant.ThermalProfile.Select(s => s.Time), Is.Ordered);
    }

    [Test]
    public async Task Progress_reports_steps_and_verbs_with_simulated_time()
    {
        var plant = new SimulatedPlant();
        var executor = new PlanExecutor(Site.Limits);
        var events = new List<RunProgress>();
        executor.Progress += (_, e) => events.Add(e);

        await executor.RunAsync(new RegenerationPlan(Site.Limits.Hash), plant, new RunOptions { Clock = plant.Clock });

        Assert.That(events.Where(e => e.Kind is RunProgressKind.StepStarted or RunProgressKind.StepCompleted).Select(e => (e.Kind, e.Step!.Index)),
            Is.EqualTo(new[] { 0, 1, 2, 3 }.SelectMany(i => new[] { (RunProgressKind.StepStarted, i), (RunProgressKind.StepCompleted, i) })));
        var hold = events.Single(e => e.Kind == RunProgressKind.Verb && e.Verb == "hold Furnace for 20 h");
        Assert.That(hold.Step!.Index, Is.EqualTo(2));
        var annealDone = events.Single(e => e.Kind == RunProgressKind.StepCompleted && e.Step!.Index == 2);
        Assert.That(annealDone.Elapsed - hold.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(20)));
        Assert.That(events[^1].Kind, Is.EqualTo(RunProgressKind.RunCompleted));
    }

    [Test]
    public async Task Plan_stamped_with_another_profile_is_refused_naming_both_hashes()
    {
        var checkedAgainst = EquipmentLimits.ComputeHash(1200, 240, 30, ["O2", "air", "N2", "Ar"]);
        var plant = new SimulatedPlant();

        var result = await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(checkedAgainst), plant);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Refused));
        Assert.That(result.Message, Does.Contain(checkedAgainst).And.Contain(Site.Limits.Hash).And.EndWith("Re-check the recipe against this profile and recompile it."));
        Assert.That(plant.Clock.Elapsed, Is.EqualTo(TimeSpan.Zero), "nothing reached the plant");
    }

    [Test]
    public async Task Plan_stamped_with_another_profile_runs_when_rechecked()
    {
        var checkedAgainst = EquipmentLimits.ComputeHash(1200, 240, 30, ["O2", "air", "N2", "Ar"]);

        var result = await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(checkedAgainst), new SimulatedPlant(),
            new RunOptions { ProfileRechecked = true });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed), result.Message);
    }

    [Test]
    public async Task Steps_out_of_order_fault_naming_the_plan()
    {
        var result = await new PlanExecutor(Site.Limits).RunAsync(new SkippingPlan(Site.Limits.Hash), new SimulatedPlant());

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.Message, Does.Contain("called step 1 but step 0 of 2 was next"));
    }

    private sealed class SkippingPlan(string profileHash) : IStepPlan
    {
        public string Name => "skipping";
        public string Material => "LCO";
        public string ProfileHash => profileHash;
        public IReadOnlyList<PlannedStep> Steps { get; } =
            [new(0, "a", new SourceLocation("s.recipe", 1, 1)), new(1, "b", new SourceLocation("s.recipe", 2, 1))];

        public Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken) =>
            context.StepAsync(1, ct => controller.StirAsync(Vessel.Mixer, StirSpeed.Rpm(100), TimeSpan.FromMinutes(1), ct), cancellationToken);
    }
}

public class CutOffTests
{
    [Test]
    public async Task A_galvanostatic_step_that_ends_at_its_cut_off_is_reported_and_journaled()
    {
        using var journal = new TempJournal();
        var executor = new PlanExecutor(Site.Limits);
        var early = new List<RunProgress>();
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.EarlyEnd)
                early.Add(e);
        };

        var result = await executor.RunAsync(new CellPlan(Site.Limits.Hash, TimeSpan.FromHours(48)), new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed));
        Assert.That(early, Has.Count.EqualTo(1));
        Assert.That(early[0].Step?.Index, Is.EqualTo(0));
        Assert.That(early[0].Message, Does.Contain("Cell reached its -0.8 V cut-off after 9 h").And.Contain("of at most 48 h"));
        var cutOff = journal.Lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("event").GetString() == "cut-off");
        Assert.That(cutOff.GetProperty("step").GetInt32(), Is.EqualTo(0));
        Assert.That(cutOff.GetProperty("line").GetInt32(), Is.EqualTo(4));
        Assert.That(cutOff.GetProperty("message").GetString(), Does.Contain("cut-off"));
    }

    [Test]
    public async Task A_galvanostatic_step_that_runs_its_full_time_journals_no_cut_off()
    {
        using var journal = new TempJournal();

        var result = await new PlanExecutor(Site.Limits).RunAsync(new CellPlan(Site.Limits.Hash, TimeSpan.FromHours(2)), new SimulatedPlant(), new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed));
        Assert.That(journal.Lines, Has.None.Contains("cut-off"));
    }
}
