namespace RecipeLang.Runtime.Mqtt;

/// <summary>How the MQTT controller reaches and watches the units a plan runs on.</summary>
public sealed record MqttPlantOptions
{
    /// <summary>The site, the topic root's last level (recipelang/v1/{site}).</summary>
    public string Site { get; init; } = "plant";

    /// <summary>This runtime's id: its client id and its state topic. One runtime process, one id.</summary>
    public string RuntimeId { get; init; } = $"runtime-{Environment.ProcessId}";

    /// <summary>Which unit plays each vessel of the plan (furnace → furnace-2, ...).</summary>
    public required IReadOnlyDictionary<Vessel, string> Units { get; init; }

    /// <summary>A command not accepted within this time fails the verb (the unit is not listening).</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A unit whose telemetry is older than this counts as lost, even if the broker still says it is online.</summary>
    public TimeSpan TelemetryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The site maxima checked against every telemetry message while a verb runs (the executor's interlocks
    /// check between verbs and hold slices as well); null checks none.
    /// </summary>
    public EquipmentLimits? Limits { get; init; }

    /// <summary>Sent with every hold: its time counts only within this many degrees of the set-point.</summary>
    public double HoldToleranceC { get; init; } = HoldTolerance.DefaultCelsius;

    /// <summary>MQTT keep-alive: how soon the broker notices a dead runtime and publishes its last will (1.5 × this).</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waiting for the units' first telemetry on connect.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The default binding: {class}-{line} for each vessel (furnace-1, autoclave-1, cell-1, mixer-1, dryer-1).</summary>
    public static IReadOnlyDictionary<Vessel, string> Line(int line = 1) =>
        Enum.GetValues<Vessel>().ToDictionary(v => v, v => $"{UnitClass(v)}-{line}");

    /// <summary>The unit class (ISA-88) that plays a vessel.</summary>
    public static string UnitClass(Vessel vessel) => vessel.ToString().ToLowerInvariant();
}
