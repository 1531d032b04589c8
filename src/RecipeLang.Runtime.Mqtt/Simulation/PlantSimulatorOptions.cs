using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Mqtt.Simulation;

public sealed record PlantSimulatorOptions
{
    public string Site { get; init; } = "plant";

    /// <summary>The units to simulate: id and class.</summary>
    public required IReadOnlyList<(string Id, Vessel Class)> Units { get; init; }

    /// <summary>Plant seconds per wall second: 3600 runs an hour of plant time each second.</summary>
    public double Speed { get; init; } = 3600;

    /// <summary>Wall time between telemetry messages of each unit.</summary>
    public TimeSpan TelemetryPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Wall time between physics steps (a command arriving wakes the loop at once).</summary>
    public TimeSpan StepPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a dropped link stays down (wall time) before the unit reconnects, in its safe state.</summary>
    public TimeSpan LinkDownTime { get; init; } = TimeSpan.FromSeconds(2);

    public SimulationSettings Settings { get; init; } = new();

    /// <summary>Faults to inject at plant times after the start.</summary>
    public IReadOnlyList<UnitFault> Faults { get; init; } = [];

    /// <summary>N lines of one unit per class: furnace-1, autoclave-1, cell-1, mixer-1, dryer-1, furnace-2, ...</summary>
    public static IReadOnlyList<(string Id, Vessel Class)> Lines(int lines) =>
        Enumerable.Range(1, lines).SelectMany(line => Enum.GetValues<Vessel>().Select(v => ($"{MqttPlantOptions.UnitClass(v)}-{line}", v))).ToArray();
}
