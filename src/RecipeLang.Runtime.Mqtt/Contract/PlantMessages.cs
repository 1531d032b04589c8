using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeLang.Runtime.Mqtt;

/// <summary>The verbs a unit understands on its cmd topic (docs/plant-mqtt.md lists their fields).</summary>
public static class UnitVerb
{
    public const string Charge = "charge";
    public const string ChargeSolution = "charge-solution";
    public const string SetAtmosphere = "set-atmosphere";
    public const string Ramp = "ramp";
    public const string Hold = "hold";
    public const string Cool = "cool";
    public const string Seal = "seal";
    public const string Vent = "vent";
    public const string Purge = "purge";
    public const string PowerOff = "power-off";
    public const string ApplyCurrent = "apply-current";
    public const string ApplyPotential = "apply-potential";
    public const string Stir = "stir";
    public const string Sonicate = "sonicate";
    public const string Wash = "wash";
    public const string Dry = "dry";
    /// <summary>Hands the unit's solids on: the done ack carries them in contents.</summary>
    public const string Discharge = "discharge";
    /// <summary>Takes solids from another unit: contents lists them.</summary>
    public const string Receive = "receive";
    /// <summary>Stops the running verb at once (its ack says failed: aborted) and leaves the set-points as they are.</summary>
    public const string Abort = "abort";
    /// <summary>Clears the safe state after a link loss; the unit answers done and goes online.</summary>
    public const string Reset = "reset";

    /// <summary>Verbs of the safe state: a unit runs them even while another verb runs, aborting it.</summary>
    public static bool IsSafeState(string verb) => verb is PowerOff or Vent or Purge or Abort;
}

/// <summary>A command on a unit's cmd topic. Only the fields its verb needs are set; all quantities in the units their names say.</summary>
public sealed record UnitCommand
{
    public required string Id { get; init; }
    public required string Verb { get; init; }
    /// <summary>The runtime that sent it: the unit goes to its safe state when that runtime's state turns offline.</summary>
    public required string Runtime { get; init; }
    public string? Reagent { get; init; }
    public double? MassG { get; init; }
    public double? ConcentrationM { get; init; }
    public double? VolumeMl { get; init; }
    public string? Gas { get; init; }
    public double? FlowLpm { get; init; }
    public double? TargetC { get; init; }
    public double? RateCPerMin { get; init; }
    public double? DurationS { get; init; }
    public double? ToleranceC { get; init; }
    public double? CurrentMa { get; init; }
    public double? CutoffV { get; init; }
    public double? PotentialV { get; init; }
    public double? Rpm { get; init; }
    public string? Solvent { get; init; }
    public int? Cycles { get; init; }
    public bool? Vacuum { get; init; }
    public IReadOnlyList<string>? Contents { get; init; }
}

/// <summary>Values of UnitAck.Status.</summary>
public static class AckStatus
{
    /// <summary>The unit took the command and is doing it (send within the acknowledgement timeout).</summary>
    public const string Accepted = "accepted";
    public const string Done = "done";
    /// <summary>The unit would not start it (busy, unknown verb, out of its range).</summary>
    public const string Rejected = "rejected";
    /// <summary>The unit started it but could not finish (aborted, timed out, equipment fault).</summary>
    public const string Failed = "failed";
}

/// <summary>A unit's answer to a command, on its ack topic.</summary>
public sealed record UnitAck
{
    public required string Id { get; init; }
    public required string Status { get; init; }
    public string? Message { get; init; }
    /// <summary>apply-current, done: whether the cut-off ended it, its duration in plant seconds and last potential.</summary>
    public bool? CutoffReached { get; init; }
    public double? DurationS { get; init; }
    public double? PotentialV { get; init; }
    /// <summary>discharge, done: the solids handed on.</summary>
    public IReadOnlyList<string>? Contents { get; init; }
}

/// <summary>A unit's measured values. A lost sensor's value is null.</summary>
public sealed record UnitTelemetry
{
    public required long Seq { get; init; }
    /// <summary>Plant time (seconds since the unit started), for plots.</summary>
    public required double PlantSeconds { get; init; }
    /// <summary>Wall-clock time the unit sent it (Unix milliseconds), for link-lag measurement.</summary>
    public required long SentAtMs { get; init; }
    public double? TemperatureC { get; init; }
    public double? PressureBar { get; init; }
    public double? PotentialV { get; init; }
    public double? CurrentMa { get; init; }
    /// <summary>Delivered heater power, 0 to 1.</summary>
    public double HeaterOutput { get; init; }
    /// <summary>The id of the command running, if any.</summary>
    public string? Running { get; init; }
}

/// <summary>The set-points a unit has in force (retained).</summary>
public sealed record UnitSetPoints
{
    public double? TemperatureC { get; init; }
    public bool HeaterOn { get; init; }
    public string? Gas { get; init; }
    public double FlowLpm { get; init; }
    public bool Sealed { get; init; }
    public double Rpm { get; init; }
    public IReadOnlyList<string> Contents { get; init; } = [];
}

/// <summary>Values of UnitStatus.State and RuntimeStatus.State.</summary>
public static class LinkState
{
    public const string Online = "online";
    /// <summary>The unit drove itself to its safe state (lost link, its runtime went offline) and waits for a reset.</summary>
    public const string Safe = "safe";
    /// <summary>The last will: the broker lost the client.</summary>
    public const string Offline = "offline";
}

public sealed record UnitStatus
{
    public required string State { get; init; }
    public string? Class { get; init; }
    public string? Message { get; init; }
}

public sealed record RuntimeStatus
{
    public required string State { get; init; }
}

/// <summary>One JSON shape for every message: camelCase, nulls left out.</summary>
public static class PlantJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>The message, or null when the payload is not one (a bad message is dropped, never fatal).</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> payload) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(payload, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
