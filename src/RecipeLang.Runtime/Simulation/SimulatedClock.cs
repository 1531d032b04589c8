namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// A virtual clock that moves only when the simulated plant advances it, so that hours of plant time
/// pass in microseconds of wall time. Pass it as RunOptions.Clock to time a dry run by it.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public SimulatedClock() : this(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public DateTimeOffset Start { get; } = start;

    public TimeSpan Elapsed { get; private set; }

    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Elapsed.Ticks;

    internal void Advance(TimeSpan duration) => Elapsed += duration;
}
