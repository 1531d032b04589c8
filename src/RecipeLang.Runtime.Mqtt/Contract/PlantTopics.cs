namespace RecipeLang.Runtime.Mqtt;

/// <summary>
/// The topic layout of docs/plant-mqtt.md. Everything lives under one root per site,
/// <c>recipelang/v1/{site}</c>; each unit has five topics and each runtime one.
/// </summary>
public sealed class PlantTopics(string site)
{
    public const string Version = "v1";

    public string Site { get; } = Valid(site);

    public string Root => $"recipelang/{Version}/{Site}";

    /// <summary>Runtime → unit: one verb per message (UnitCommand). QoS 1, not retained.</summary>
    public string Command(string unit) => $"{Unit(unit)}/cmd";

    /// <summary>Unit → runtime: accepted, then done / failed / rejected for each command id (UnitAck). QoS 1, not retained.</summary>
    public string Ack(string unit) => $"{Unit(unit)}/ack";

    /// <summary>Unit → anyone: the set-points in force (UnitSetPoints). QoS 1, retained, published on every change.</summary>
    public string SetPoint(string unit) => $"{Unit(unit)}/setpoint";

    /// <summary>Unit → anyone: measured values every period (UnitTelemetry). QoS 1, not retained.</summary>
    public string Telemetry(string unit) => $"{Unit(unit)}/telemetry";

    /// <summary>Unit → anyone: online / safe / offline (UnitStatus); birth and last will. QoS 1, retained.</summary>
    public string State(string unit) => $"{Unit(unit)}/state";

    /// <summary>Runtime → units: online, or offline as its last will (RuntimeStatus). QoS 1, retained.</summary>
    public string RuntimeState(string runtime) => $"{Root}/runtimes/{Valid(runtime)}/state";

    /// <summary>Every runtime's state, for units to subscribe to.</summary>
    public string AllRuntimeStates => $"{Root}/runtimes/+/state";

    private string Unit(string unit) => $"{Root}/units/{Valid(unit)}";

    /// <summary>Site, unit and runtime ids are single topic levels: no '/', '+', '#' and not empty.</summary>
    public static string Valid(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.IndexOfAny(['/', '+', '#', ' ']) >= 0)
            throw new ArgumentException($"'{id}' cannot be a topic level: use letters, digits, '-' or '_'.", nameof(id));
        return id;
    }
}
