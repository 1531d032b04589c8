namespace RecipeLang.Runtime.Simulation;

public sealed record SimulationSettings
{
    /// <summary>Seeds the sensor noise: the same seed and plan give the same readings.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The integration step of the thermal model.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(10);

    public double AmbientC { get; init; } = 25;

    /// <summary>Standard deviations of the sensors' Gaussian noise.</summary>
    public double TemperatureNoiseC { get; init; } = 0.3;
    public double PressureNoiseBar { get; init; } = 0.02;
    public double PotentialNoiseV { get; init; } = 0.001;

    /// <summary>How long handling verbs take (charge, transfer, seal, vent, atmosphere change).</summary>
    public TimeSpan HandlingTime { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan PurgeTime { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan WashCycleTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A hold's time counts only while the measured temperature is this close to the set-point.</summary>
    public double HoldToleranceC { get; init; } = HoldTolerance.DefaultCelsius;

    /// <summary>How long a hold may stay outside its tolerance before the unit reports it cannot hold.</summary>
    public TimeSpan HoldSettleTime { get; init; } = TimeSpan.FromHours(2);
}
