namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// One point of the thermal profile: a vessel's true (noise-free) temperature and absolute pressure
/// at a simulated time since the plant started.
/// </summary>
public sealed record ThermalSample(TimeSpan Time, Vessel Vessel, double TemperatureC, double PressureBar);
