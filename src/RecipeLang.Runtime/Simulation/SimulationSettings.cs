namespace RecipeLang.Runtime.Simulation;

public sealed record SimulationSettings
{
    /// Seeds the sensor noise: the same seed and plan give the same readings.
    public int Seed { get; init; } = 1;

    /// The integration step of the thermal model.
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(10);

    public double AmbientC { get; init; } = 25;

    /// Standard deviations of the sensors' Gaussian noise.
    public double TemperatureNoiseC { get; init; } = 0.3;
    public double PressureNoiseBar { get; init; } = 0.02;
    public double PotentialNoiseV { get; init; } = 0.001;

    /// How long handling verbs take (charge, transfer, seal, vent, atmosphere change).
    public TimeSpan HandlingTime { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan PurgeTime { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan WashCycleTime { get; init; } = TimeSpan.FromMinutes(10);
}
