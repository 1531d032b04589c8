namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// One point of the thermal profile: a vessel's true (noise-free) temperature and absolute pressure at a
/// simulated time since the plant started, and its set-point (NaN while its heater is off).
/// </summary>
public sealed record ThermalSample(TimeSpan Time, Vessel Vessel, double TemperatureC, double PressureBar, double SetPointC = double.NaN);
