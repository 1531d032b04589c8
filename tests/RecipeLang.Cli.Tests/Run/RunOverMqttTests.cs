using RecipeLang.Runtime.Mqtt;
using RecipeLang.Runtime.Mqtt.Simulation;

namespace RecipeLang.Cli.Tests.Run;

/// <summary>`recipelang run --broker` as a process, against simulated units and an embedded broker held by the test.</summary>
public class RunOverMqttTests : ScratchFolderTest
{
    /// <summary>Simulated units of the given lines behind the broker, on site "cli-test", fast enough for a test.</summary>
    private static Task<PlantSimulator> StartPlantAsync(EmbeddedBroker broker, int lines) =>
        PlantSimulator.StartAsync(broker.Endpoint, new PlantSimulatorOptions
        {
            Site = "cli-test",
            Units = PlantSimulatorOptions.Lines(lines),
            Speed = 20_000,
            TelemetryPeriod = TimeSpan.FromMilliseconds(50),
        });

    private static string Recipe => Path.Combine(CliRunner.RepositoryRoot, "examples", "table1", "03-ncm523-hydrothermal-lioh-220c.recipe");

    [Test]
    public async Task A_recipe_runs_over_mqtt_with_step_progress_a_journal_and_a_telemetry_plot()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var plant = await StartPlantAsync(broker, lines: 1);

        var result = await Task.Run(() => CliRunner.Run(Folder, "run", Recipe, "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--site-name", "cli-test",
            "--journal", "run.jsonl", "--plot", "run.png"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain($"Connected to mqtt://127.0.0.1:{broker.Port}"));
        Assert.That(result.Output, Does.Contain("started step 4 'anneal 850C O2 4h ramp 5C/min'"));
        Assert.That(result.Output, Does.Contain("step 4 done; furnace-1 online"));
        Assert.That(result.Output, Does.Contain("Plan 'ncm523_hydrothermal' completed."));
        Assert.That(File.ReadAllLines(Path.Combine(Folder, "run.jsonl"))[^1], Does.Contain("run-completed"));
        Assert.That(new FileInfo(Path.Combine(Folder, "run.png")).Length, Is.GreaterThan(1000));
    }

    [Test]
    public async Task A_plan_compiled_for_units_drives_those_units_and_is_refused_elsewhere()
    {
        Write("recipelang.json", """
            { "units": [
                { "id": "furnace-1", "class": "furnace" }, { "id": "furnace-2", "class": "furnace", "maxC": 900 },
                { "id": "autoclave-1", "class": "autoclave" }, { "id": "autoclave-2", "class": "autoclave" },
                { "id": "mixer-1", "class": "mixer" }, { "id": "dryer-2", "class": "dryer" } ] }
            """);
        var compiled = CliRunner.Run(Folder, "compile", Recipe, "--emit", "dll", "-o", "plan.dll", "--site", "recipelang.json", "--unit", "furnace-2", "--unit", "dryer-2");
        Assert.That(compiled.ExitCode, Is.EqualTo(0), compiled.Output + compiled.Error);
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var plant = await StartPlantAsync(broker, lines: 2);

        var result = await Task.Run(() => CliRunner.Run(Folder, "run", "plan.dll", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--site-name", "cli-test"));
        var withLine = CliRunner.Run(Folder, "run", "plan.dll", "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--site-name", "cli-test", "--line", "1");
        Write(Path.Combine("elsewhere", "recipelang.json"), """{ "units": [ { "id": "furnace-7", "class": "furnace" } ] }""");
        File.Copy(Path.Combine(Folder, "plan.dll"), Path.Combine(Folder, "elsewhere", "plan.dll"));
        var elsewhere = CliRunner.Run(Folder, "run", Path.Combine("elsewhere", "plan.dll"), "--simulate");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output + result.Error);
        Assert.That(result.Output, Does.Contain("furnace-2").And.Contain("dryer-2").And.Contain("autoclave-1"), "the units the plan names, not line 1's");
        Assert.That(result.Output, Does.Contain("step 4 done; furnace-2 online"));
        Assert.That(withLine.ExitCode, Is.EqualTo(2));
        Assert.That(withLine.Error, Does.Contain("is bound to units").And.Contain("--line 1 does not apply"));
        Assert.That(elsewhere.ExitCode, Is.EqualTo(2));
        Assert.That(elsewhere.Error, Does.Contain("is bound to unit").And.Contain(Path.Combine("elsewhere", "recipelang.json") + " does not list: it was compiled for another site"));
    }

    [TestCase("http://x:1883", "--broker: 'http://x:1883' is not a broker URL: write mqtt://host:1883 or mqtts://host:8883")]
    [TestCase("mqtt://user:secret@x:1883", "--broker: 'mqtt://user:secret@x:1883': give the user name and password as options, not in the URL (it ends up in logs)")]
    public void A_bad_broker_url_is_a_usage_error(string url, string message)
    {
        var result = CliRunner.Run(Folder, "run", Recipe, "--broker", url);

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "recipelang: " + message)));
    }

    [Test]
    public void Run_needs_simulate_or_broker_and_not_both()
    {
        var neither = CliRunner.Run(Folder, "run", Recipe);
        var both = CliRunner.Run(Folder, "run", Recipe, "--simulate", "--broker", "mqtt://127.0.0.1:1");

        Assert.That(neither.ExitCode, Is.EqualTo(2));
        Assert.That(neither.Error, Does.Contain("--simulate for the in-process simulated plant, or --broker mqtt://host:1883"));
        Assert.That((both.ExitCode, both.Error.Trim()), Is.EqualTo((2, "recipelang: --simulate and --broker exclude each other")));
    }

    [Test]
    public async Task A_broker_with_no_units_behind_it_is_a_one_line_error()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        var result = await Task.Run(() => CliRunner.Run(Folder, "run", Recipe, "--broker", $"mqtt://127.0.0.1:{broker.Port}", "--site-name", "empty"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error.Trim(), Does.StartWith("recipelang: no telemetry from furnace-1 (never seen)").And.Contain("on site 'empty'"));
        Assert.That(result.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }
}
