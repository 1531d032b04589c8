namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// What a verb does to a simulated unit, tick by tick, so that one definition serves the in-process plant
/// (which runs it to the end at once on a virtual clock) and an MQTT-connected unit (which ticks it in
/// real time, scaled). Done is checked before each tick; PerTick applies the verb's own change before
/// the physics moves on; a verb still not done after Limit ends there, or fails with OnLimit.
/// </summary>
public sealed class SimulatedVerb
{
    public required TimeSpan Limit { get; init; }
    public Action<TimeSpan>? PerTick { get; init; }
    public Func<bool>? Done { get; init; }
    public Func<Exception>? OnLimit { get; init; }
    public Action? Finish { get; init; }

    /// <summary>What the verb reports when it ends (the galvanostatic step's CurrentStepResult).</summary>
    public Func<TimeSpan, object?>? Result { get; init; }

    public bool IsDone => Done?.Invoke() ?? false;

    /// <summary>Ends the verb after its ticks: throws OnLimit when it never got done, else runs Finish and returns the result.</summary>
    public object? Complete(TimeSpan passed)
    {
        if (OnLimit is not null && !IsDone)
            throw OnLimit();
        Finish?.Invoke();
        return Result?.Invoke(passed);
    }
}
