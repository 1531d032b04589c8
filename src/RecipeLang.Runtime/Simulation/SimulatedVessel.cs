namespace RecipeLang.Runtime.Simulation;

/// <summary>The mutable state of one simulated vessel, its thermal model and its injected faults.</summary>
internal sealed class SimulatedVessel(Vessel vessel, ThermalModel model, double ambientC)
{
    public Vessel Vessel { get; } = vessel;
    public ThermalModel Model { get; } = model;
    public double TemperatureC { get; set; } = ambientC;
    public double SetPointC { get; set; } = ambientC;
    public bool HeaterOn { get; set; }
    public bool Sealed { get; set; }
    public Gas? Atmosphere { get; set; }
    public List<string> Contents { get; } = [];

    public TimeSpan? StuckHeaterFrom { get; set; }
    public TimeSpan? SensorLostFrom { get; set; }
    public bool LostSensorThrows { get; set; }
    public double OvershootC { get; set; }

    public bool HeaterStuck(TimeSpan now) => StuckHeaterFrom is { } from && now >= from;

    public bool SensorLost(TimeSpan now) => SensorLostFrom is { } from && now >= from;

    public void Advance(TimeSpan dt, TimeSpan now, double ambientC)
    {
        var stuck = HeaterStuck(now);
        var target = stuck ? Model.CeilingC : HeaterOn ? SetPointC + OvershootC : ambientC;
        var heating = (HeaterOn || stuck) && target > TemperatureC;
        var tau = heating ? Model.TimeConstant : Model.CoolingTimeConstant;
        var change = (target - TemperatureC) * (1 - Math.Exp(-dt / tau));
        if (change > 0)
            change = Math.Min(change, Model.MaxHeatingRate.InCelsiusPerMinute * dt.TotalMinutes);
        TemperatureC += change;
    }

    public double PressureBar =>
        Vessel == Vessel.Autoclave && Sealed
            ? Math.Max(AtmosphericBar, SteamTable.SaturationPressure(Temperature.Celsius(TemperatureC)).InBar)
            : Atmosphere is { IsVacuum: true } ? VacuumBar : AtmosphericBar;

    private const double AtmosphericBar = 1.01325;
    private const double VacuumBar = 0.01;
}
