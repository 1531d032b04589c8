using System.Text.Json;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Runtime.Tests.Plans;

namespace RecipeLang.Runtime.Tests.Execution;

public class InterlockTests
{
    [Test]
    public async Task Ramp_above_the_furnace_limit_faults_before_reaching_the_plant()
    {
        using var journal = new TempJournal();
        var plant = new SimulatedPlant();
        var plan = new RegenerationPlan(Site.Limits.Hash, annealC: 1200);

        var result = await new PlanExecutor(Site.Limits).RunAsync(plan, plant, new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep, Is.EqualTo(plan.Steps[2]));
        Assert.That(result.Message, Does.Contain("1200 °C").And.Contain("1100 °C").And.Contain("ncm523.recipe:7:8"));
        Assert.That(plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).Select(s => s.TemperatureC), Has.All.LessThan(30),
            "the furnace was never heated");
        PlantAssert.IsInSafeState(plant);

        using var fault = JsonDocument.Parse(journal.Lines[^1]);
        Assert.That(fault.RootElement.GetProperty("event").GetString(), Is.EqualTo("fault"));
        Assert.That(fault.RootElement.GetProperty("step").GetInt32(), Is.EqualTo(2));
        Assert.That(fault.RootElement.GetProperty("file").GetString(), Is.EqualTo("ncm523.recipe"));
        Assert.That(fault.RootElement.GetProperty("line").GetInt32(), Is.EqualTo(7));
        Assert.That(fault.RootElement.GetProperty("column").GetInt32(), Is.EqualTo(8));
    }

    [Test]
    public async Task Stuck_heater_trips_the_over_temperature_interlock()
    {
        using var journal = new TempJournal();
        var plant = new SimulatedPlant();
        var executor = new PlanExecutor(Site.Limits);
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.StepStarted && e.Step!.Index == 2)
                plant.InjectStuckHeater(Vessel.Furnace);
        };

        var result = await executor.RunAsync(new RegenerationPlan(Site.Limits.Hash), plant, new RunOptions { JournalPath = journal.Path });

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(2));
        Assert.That(result.Message, Does.Contain("Furnace over temperature"));
        PlantAssert.IsInSafeState(plant);
        Assert.That(journal.Lines[^1], Does.Contain("\"event\":\"fault\"").And.Contain("\"step\":2"));
    }

    [Test]
    public async Task Overshoot_past_the_limit_trips_on_the_sensor_reading()
    {
        var plant = new SimulatedPlant();
        plant.InjectOvershoot(Vessel.Furnace, 300);

        var result = await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(Site.Limits.Hash, annealC: 900), plant);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(2));
        Assert.That(result.Message, Does.Contain("Furnace over temperature"));
        Assert.That(plant.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).Max(s => s.TemperatureC), Is.LessThan(1125),
            "ramps and holds are watched every simulated minute, and the furnace heats at most 20 °C/min");
        PlantAssert.IsInSafeState(plant);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Lost_sensor_faults_and_leaves_the_plant_safe(bool throws)
    {
        var plant = new SimulatedPlant();
        plant.InjectSensorLoss(Vessel.Autoclave, after: TimeSpan.FromMinutes(30), throws);

        var result = await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(Site.Limits.Hash), plant);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(0));
        Assert.That(result.Message, Does.Contain("Autoclave temperature sensor lost"));
        PlantAssert.IsInSafeState(plant);
    }

    [Test]
    public async Task Sealed_autoclave_ramp_whose_steam_pressure_exceeds_the_limit_faults()
    {
        // 235 °C is under the autoclave's 240 °C, but saturated steam there is about 31 bar (> 30 bar).
        var plant = new SimulatedPlant();

        var result = await new PlanExecutor(Site.Limits).RunAsync(new RegenerationPlan(Site.Limits.Hash, hydrothermalC: 235), plant);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.Message, Does.Contain("Sealed autoclave at 235 °C").And.Contain("30 bar"));
        Assert.That(plant.State(Vessel.Autoclave).SetPointC, Is.EqualTo(25), "the ramp never reached the plant");
        PlantAssert.IsInSafeState(plant);
    }

    [Test]
    public async Task Gas_missing_from_the_site_list_faults()
    {
        var airOnly = new EquipmentLimits(1100, 240, 30, ["air", "N2"]);
        var plant = new SimulatedPlant();

        var result = await new PlanExecutor(airOnly).RunAsync(new RegenerationPlan(airOnly.Hash), plant);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(2));
        Assert.That(result.Message, Does.Contain("Gas O2 is not in the site's gas list (air, N2)"));
    }

    [Test]
    public async Task Cancellation_mid_anneal_leaves_the_plant_safe_and_names_the_step()
    {
        using var journal = new TempJournal();
        using var stop = new CancellationTokenSource();
        var plant = new SimulatedPlant();
        var executor = new PlanExecutor(Site.Limits);
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb && e.Verb!.StartsWith("hold Furnace"))
                stop.Cancel();
        };

        var result = await executor.RunAsync(new RegenerationPlan(Site.Limits.Hash), plant, new RunOptions { JournalPath = journal.Path }, stop.Token);

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Cancelled));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(2));
        Assert.That(result.SafeStateActions, Does.Contain("power off Furnace").And.Contain("vent Autoclave").And.Contain("purge Furnace with Ar"));
        PlantAssert.IsInSafeState(plant);
        Assert.That(journal.Lines[^1], Does.Contain("\"event\":\"cancelled\"").And.Contain("\"step\":2"));
    }
}
