using System.Diagnostics;

namespace RecipeLang.Runtime.Mqtt;

/// <summary>What the runtime last heard from one unit. Written by the MQTT receive thread, read by the run: each field is swapped whole.</summary>
internal sealed class UnitView(string id, Vessel vessel)
{
    public string Id { get; } = id;
    public Vessel Vessel { get; } = vessel;
    public volatile UnitStatus? Status;
    public volatile UnitTelemetry? Telemetry;
    public volatile UnitSetPoints? SetPoints;
    private long telemetryTimestamp;

    public void Heard(UnitTelemetry telemetry)
    {
        Telemetry = telemetry;
        Interlocked.Exchange(ref telemetryTimestamp, Stopwatch.GetTimestamp());
    }

    /// <summary>Wall time since the last telemetry; infinite before the first.</summary>
    public TimeSpan TelemetryAge
    {
        get
        {
            var at = Interlocked.Read(ref telemetryTimestamp);
            return at == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(at);
        }
    }
}
