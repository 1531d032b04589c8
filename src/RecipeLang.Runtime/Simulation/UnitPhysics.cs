namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// The physics of one simulated unit (a vessel with its heater, gas supply, lid and, for the cell, its
/// electrodes) and the faults injected into it. The in-process plant and the MQTT-connected simulated
/// units both advance this, so a dry run and a run over the network see the same plant.
/// </summary>
public sealed class UnitPhysics(Vessel vessel, ThermalModel model, double ambientC)
{
    private const double AtmosphericBar = 1.01325;
    private const double VacuumBar = 0.01;

    public Vessel Vessel { get; } = vessel;
    public ThermalModel Model { get; } = model;
    public double AmbientC { get; } = ambientC;

    /// <summary>True temperature of the charge.</summary>
    public double TemperatureC { get; private set; } = ambientC;
    public double SetPointC { get; set; } = ambientC;
    public bool HeaterOn { get; set; }

    /// <summary>Delivered heater power as a fraction of HeaterKw (lags the controller's demand).</summary>
    public double HeaterOutput { get; private set; }
    public bool Sealed { get; set; }
    public Gas? Atmosphere { get; set; }
    public double GasFlowLitresPerMinute { get; set; }
    public double StirRpm { get; set; }
    public List<string> Contents { get; } = [];
    internal ElectrochemicalCell Cell { get; } = new();

    public double CellPotentialV => Cell.PotentialV;
    public double CellCurrentMilliamperes => Cell.CurrentMilliamperes;

    public TimeSpan? StuckHeaterFrom { get; set; }
    public TimeSpan? HeaterFailedFrom { get; set; }
    public TimeSpan? SensorLostFrom { get; set; }
    public bool LostSensorThrows { get; set; }

    /// <summary>A badly tuned controller: it regulates this many degrees above the set-point.</summary>
    public double OvershootC { get; set; }

    public bool HeaterStuck(TimeSpan now) => StuckHeaterFrom is { } from && now >= from;

    public bool HeaterFailed(TimeSpan now) => HeaterFailedFrom is { } from && now >= from;

    public bool SensorLost(TimeSpan now) => SensorLostFrom is { } from && now >= from;

    /// <summary>Absolute pressure: saturated steam in the sealed autoclave (the vapour-pressure table), else the gas over the vessel.</summary>
    public double PressureBar =>
        Vessel == Vessel.Autoclave && Sealed
            ? Math.Max(AtmosphericBar, SteamTable.SaturationPressure(Temperature.Celsius(TemperatureC)).InBar)
            : Atmosphere is { IsVacuum: true } ? VacuumBar : AtmosphericBar;

    /// <summary>Whether the unit is warm or working enough to be worth plotting.</summary>
    public bool Active(TimeSpan now) => HeaterOn || HeaterStuck(now) || Sealed || TemperatureC > AmbientC + 0.5;

    /// <summary>Moves the unit on by dt: controller demand, heater lag, then the charge's heat balance (each stage exact for a constant input).</summary>
    public void Advance(TimeSpan dt, TimeSpan now)
    {
        var demand = HeaterStuck(now) ? 1.0
            : HeaterFailed(now) || !HeaterOn ? 0.0
            : Math.Clamp(FeedForward(SetPointC + OvershootC) + Model.GainPerC * (SetPointC + OvershootC - TemperatureC), 0, 1);
        HeaterOutput += (demand - HeaterOutput) * (1 - Math.Exp(-dt / Model.HeaterLag));
        // Steady state for this output: ambient plus output × the full-power rise.
        var equilibrium = AmbientC + HeaterOutput * Model.CeilingRiseC;
        TemperatureC += (equilibrium - TemperatureC) * (1 - Math.Exp(-dt / Model.TimeConstant));
    }

    /// <summary>Heater output that holds a temperature against the losses.</summary>
    private double FeedForward(double temperatureC) => Math.Clamp((temperatureC - AmbientC) / Model.CeilingRiseC, 0, 1);

    /// <summary>Heater and cell off, lid open, stirrer stopped: what the safe state leaves.</summary>
    public void PowerOff()
    {
        HeaterOn = false;
        StirRpm = 0;
        Cell.Off();
    }
}
