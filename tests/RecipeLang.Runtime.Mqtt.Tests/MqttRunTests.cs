using System.Text.Json;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Mqtt.Simulation;

namespace RecipeLang.Runtime.Mqtt.Tests;

/// <summary>Plans run over a real MQTT connection (embedded broker, loopback sockets) on simulated units.</summary>
[CancelAfter(60_000)]
public class MqttRunTests
{
    [Test]
    public async Task A_plan_runs_to_the_end_on_simulated_units()
    {
        await using var fixture = await PlantFixture.StartAsync();
        await using var controller = await fixture.ConnectAsync();
        using var journal = new TempJournal();
        var executor = new PlanExecutor(PlantFixture.Limits);
        var early = new List<string>();
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.EarlyEnd)
                early.Add(e.Message!);
        };

        var result = await executor.RunAsync(new LinePlan(PlantFixture.Limits.Hash), controller, PlantFixture.RunOptions(journal.Path));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed), result.Message);
        Assert.That(result.StepsRun, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(fixture.Plant.State("cell-1").Contents, Is.EqualTo(new[] { "50 g NCM523" }), "the batch went furnace → mixer → cell");
        Assert.That(fixture.Plant.State("furnace-1").HeaterOn, Is.False);
        Assert.That(early, Has.One.Contains("cut-off"), "the cell's cut-off came over MQTT and was reported");
        Assert.That(journal.Lines, Has.One.Contains("\"event\":\"cut-off\""));
        Assert.That(journal.Lines[^1], Does.Contain("run-completed"));
        var furnace = controller.ThermalProfile.Where(s => s.Vessel == Vessel.Furnace).ToList();
        Assert.That(furnace.Max(s => s.TemperatureC), Is.InRange(395, 420), "telemetry saw the anneal plateau (a first-order heater overshoots a few degrees; more when the loaded machine delays the control loop)");
        Assert.That(furnace.Where(s => double.IsFinite(s.SetPointC)).Max(s => s.SetPointC), Is.EqualTo(400));
    }

    [Test]
    public async Task A_link_drop_mid_hold_drives_the_unit_to_its_safe_state_and_the_journal_records_it()
    {
        await using var fixture = await PlantFixture.StartAsync();
        await using var controller = await fixture.ConnectAsync();
        using var journal = new TempJournal();
        var executor = new PlanExecutor(PlantFixture.Limits);
        var dropped = false;
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb && e.Verb!.StartsWith("hold Furnace") && !dropped)
            {
                dropped = true;
                // Mid-hold: the hour takes half a second of wall time here.
                _ = Task.Run(async () =>
                {
                    await Task.Delay(150);
                    fixture.Plant.Inject("furnace-1", UnitFaultKind.LinkDrop);
                });
            }
        };

        var result = await executor.RunAsync(new LinePlan(PlantFixture.Limits.Hash), controller, PlantFixture.RunOptions(journal.Path));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(0));
        Assert.That(result.Message, Does.Contain("link to unit furnace-1 lost"));
        var furnace = fixture.Plant.State("furnace-1");
        Assert.That(furnace.LinkState, Is.EqualTo(LinkState.Safe));
        Assert.That(furnace.HeaterOn, Is.False);
        Assert.That(furnace.Atmosphere?.IsInert, Is.True, "purged");
        TestContext.Out.WriteLine(result.Message);
        TestContext.Out.WriteLine(string.Join("\n", result.SafeStateActions));
        using var fault = JsonDocument.Parse(journal.Lines[^1]);
        Assert.That(fault.RootElement.GetProperty("event").GetString(), Is.EqualTo("fault"));
        Assert.That(fault.RootElement.GetProperty("step").GetInt32(), Is.EqualTo(0));
        Assert.That(fault.RootElement.GetProperty("line").GetInt32(), Is.EqualTo(3));
        Assert.That(fault.RootElement.GetProperty("message").GetString(), Does.Contain("furnace-1"));
    }

    [Test]
    public async Task Resume_after_a_link_drop_continues_at_the_step_that_was_running()
    {
        await using var fixture = await PlantFixture.StartAsync();
        using var journal = new TempJournal();
        var first = new PlanExecutor(PlantFixture.Limits);
        var dropped = false;
        first.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb && e.Verb!.StartsWith("stir Mixer") && !dropped)
            {
                dropped = true;
                fixture.Plant.Inject("mixer-1", UnitFaultKind.LinkDrop);
            }
        };
        await using (var controller = await fixture.ConnectAsync("runtime-first"))
        {
            var faulted = await first.RunAsync(new LinePlan(PlantFixture.Limits.Hash), controller, PlantFixture.RunOptions(journal.Path));
            Assert.That(faulted.FailedStep?.Index, Is.EqualTo(1), faulted.Message);
        }
        await WaitUntil(() => fixture.Plant.State("mixer-1") is { LinkDown: false });

        // A new runtime process: it reads the units' retained state back, clears the safe state and resumes.
        await using var resumed = await fixture.ConnectAsync("runtime-second");
        Assert.That(resumed.UnitStates["mixer-1"], Is.EqualTo(LinkState.Safe));
        await resumed.ResetSafeUnitsAsync(CancellationToken.None);
        var second = new PlanExecutor(PlantFixture.Limits);
        var skipped = new List<int>();
        second.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.StepSkipped)
                skipped.Add(e.Step!.Index);
        };
        var result = await second.RunAsync(new LinePlan(PlantFixture.Limits.Hash), resumed, PlantFixture.RunOptions(journal.Path));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Completed), result.Message);
        Assert.That(skipped, Is.EqualTo(new[] { 0 }), "the anneal finished before the drop");
        Assert.That(result.StepsRun, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(fixture.Plant.State("cell-1").Contents, Is.EqualTo(new[] { "50 g NCM523" }), "charged once");
    }

    [Test]
    public async Task An_over_temperature_trip_is_reported_with_the_step_and_the_recipe_line()
    {
        await using var fixture = await PlantFixture.StartAsync();
        await using var controller = await fixture.ConnectAsync();
        using var journal = new TempJournal();
        var executor = new PlanExecutor(PlantFixture.Limits);
        var injected = false;
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.Verb && e.Verb!.StartsWith("hold Furnace") && !injected)
            {
                injected = true;
                fixture.Plant.Inject("furnace-1", UnitFaultKind.OverTemperature);
            }
        };

        var result = await executor.RunAsync(new LinePlan(PlantFixture.Limits.Hash, annealC: 900), controller, PlantFixture.RunOptions(journal.Path));

        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Faulted));
        Assert.That(result.FailedStep?.Index, Is.EqualTo(0));
        Assert.That(result.Message, Does.Contain("Furnace over temperature").And.Contain("line.recipe:3:3").And.Contain("1100 °C"));
        Assert.That(result.SafeStateActions, Does.Contain("power off Furnace"));
        Assert.That(fixture.Plant.State("furnace-1").HeaterOn, Is.False);
        Assert.That(journal.Lines[^1], Does.Contain("\"event\":\"fault\"").And.Contain("\"line\":3"));
    }

    [Test]
    public async Task A_unit_nobody_simulates_is_named_when_the_runtime_connects()
    {
        await using var fixture = await PlantFixture.StartAsync();
        var options = fixture.Options("runtime-lonely") with
        {
            Units = new Dictionary<Vessel, string> { [Vessel.Furnace] = "furnace-9" },
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
        };

        var error = Assert.ThrowsAsync<PlantLinkException>(() => MqttProcessController.ConnectAsync(fixture.Broker.Endpoint, options));

        Assert.That(error!.Message, Does.Contain("furnace-9 (never seen)"));
    }

    [Test]
    public async Task A_broker_that_is_not_there_is_a_clear_error()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var endpoint = broker.Endpoint;
        await broker.DisposeAsync();

        var error = Assert.ThrowsAsync<PlantLinkException>(() => MqttProcessController.ConnectAsync(endpoint, new MqttPlantOptions { Units = MqttPlantOptions.Line(1) }));

        Assert.That(error!.Message, Does.StartWith($"cannot connect to the broker mqtt://127.0.0.1:{endpoint.Port}"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
            await Task.Delay(50);
        Assert.That(condition(), Is.True, "timed out waiting");
    }
}
