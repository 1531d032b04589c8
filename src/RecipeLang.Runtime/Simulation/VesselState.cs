namespace RecipeLang.Runtime.Simulation;

/// <summary>What a simulated vessel is doing right now (true values, no sensor noise).</summary>
public sealed record VesselState(
    Vessel Vessel,
    double TemperatureC,
    double SetPointC,
    bool HeaterOn,
    bool Sealed,
    Gas? Atmosphere,
    double PressureBar,
    IReadOnlyList<string> Contents);
