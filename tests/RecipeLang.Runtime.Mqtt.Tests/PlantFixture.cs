using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Mqtt.Simulation;

namespace RecipeLang.Runtime.Mqtt.Tests;

/// <summary>An embedded broker on a free loopback port, one simulated line behind it, and a runtime's controller: real sockets, one process.</summary>
public sealed class PlantFixture : IAsyncDisposable
{
    public static EquipmentLimits Limits { get; } = new(1100, 240, 30, ["O2", "air", "N2", "Ar"]);

    private PlantFixture(EmbeddedBroker broker, PlantSimulator plant, string site)
    {
        Broker = broker;
        Plant = plant;
        Site = site;
    }

    public EmbeddedBroker Broker { get; }
    public PlantSimulator Plant { get; }
    public string Site { get; }

    /// <summary>Options that keep a test to seconds: two hours of plant time per wall second.</summary>
    public static async Task<PlantFixture> StartAsync(double speed = 7200)
    {
        var broker = await EmbeddedBroker.StartAsync();
        var site = "test-" + Guid.NewGuid().ToString("N")[..8];
        var plant = await PlantSimulator.StartAsync(broker.Endpoint, new PlantSimulatorOptions
        {
            Site = site,
            Units = PlantSimulatorOptions.Lines(1),
            Speed = speed,
            TelemetryPeriod = TimeSpan.FromMilliseconds(50),
            LinkDownTime = TimeSpan.FromMilliseconds(1000),
        });
        return new PlantFixture(broker, plant, site);
    }

    public Task<MqttProcessController> ConnectAsync(string runtimeId = "runtime-test") =>
        MqttProcessController.ConnectAsync(Broker.Endpoint, Options(runtimeId));

    public MqttPlantOptions Options(string runtimeId) => new()
    {
        Site = Site,
        RuntimeId = runtimeId,
        Units = MqttPlantOptions.Line(1),
        Limits = Limits,
        AckTimeout = TimeSpan.FromSeconds(2),
        TelemetryTimeout = TimeSpan.FromSeconds(1),
    };

    /// <summary>Interlock slices of ten plant minutes: a hold of an hour is six commands.</summary>
    public static RunOptions RunOptions(string? journal = null) => new() { JournalPath = journal, WatchInterval = TimeSpan.FromMinutes(10) };

    public async ValueTask DisposeAsync()
    {
        await Plant.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
