namespace RecipeLang.Runtime.Simulation;

/// What a simulated vessel is doing right now (true values, no sensor noise).
public sealed record VesselState(
    Vessel Vessel,
    double TemperatureC,
    double SetPointC,
    bool HeaterOn,
    bool Sealed,
    Gas? Atmosphere,
    double PressureBar,
    IReadOnlyList<string> Contents);
