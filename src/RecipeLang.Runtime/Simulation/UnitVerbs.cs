namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// The verbs of the process contract as simulated verbs on one unit: the single definition of what a
/// ramp, a hold, a cool-down or a galvanostatic step does to the physics. Handling verbs (charge, seal,
/// transfer, ...) act at once and then take the settings' handling time.
/// </summary>
public sealed class UnitVerbs(SimulationSettings settings, Func<TimeSpan> now, Func<double> gaussian)
{
    /// <summary>The longest a verb that waits for the plant (a ramp, a cool-down) may take before the plant counts as stuck.</summary>
    public static readonly TimeSpan Forever = TimeSpan.FromDays(7);

    public SimulationSettings Settings => settings;

    /// <summary>The unit's thermocouple: truth plus noise; NaN (or an IOException) once the sensor is lost.</summary>
    public double SenseTemperature(UnitPhysics unit) => Sense(unit, unit.TemperatureC, settings.TemperatureNoiseC);

    public double SensePressure(UnitPhysics unit) => Sense(unit, unit.PressureBar, settings.PressureNoiseBar);

    public double SensePotential(UnitPhysics unit)
    {
        RequireCell(unit.Vessel);
        return unit.CellPotentialV + gaussian() * settings.PotentialNoiseV;
    }

    public SimulatedVerb Handling(Action act, TimeSpan? time = null)
    {
        act();
        return new SimulatedVerb { Limit = time ?? settings.HandlingTime };
    }

    public SimulatedVerb Timed(TimeSpan duration) => new() { Limit = duration };

    public SimulatedVerb Seal(UnitPhysics unit)
    {
        if (unit.Vessel != Vessel.Autoclave)
            throw new ArgumentException($"Only the autoclave can be sealed, not the {unit.Vessel}.", nameof(unit));
        return Handling(() => unit.Sealed = true);
    }

    public SimulatedVerb Purge(UnitPhysics unit, Gas gas) => Handling(() => unit.Atmosphere = gas, settings.PurgeTime);

    public SimulatedVerb Wash(int cycles)
    {
        if (cycles < 1)
            throw new ArgumentOutOfRangeException(nameof(cycles), cycles, "A wash needs at least one cycle.");
        return Timed(settings.WashCycleTime * cycles);
    }

    /// <summary>Moves the set-point at the rate; done when the set-point arrives (the charge follows with its lag).</summary>
    public SimulatedVerb Ramp(UnitPhysics unit, double goalC, double ratePerMinute)
    {
        if (!(ratePerMinute > 0))
            throw new ArgumentOutOfRangeException(nameof(ratePerMinute), ratePerMinute, "A ramp rate must be positive.");
        if (!unit.HeaterOn)
            unit.SetPointC = unit.TemperatureC;
        unit.HeaterOn = true;
        return new SimulatedVerb
        {
            Limit = Forever,
            PerTick = dt =>
            {
                var step = ratePerMinute * dt.TotalMinutes;
                // Snap within rounding of the goal, or summing ticks could leave it a hair short.
                unit.SetPointC = Math.Abs(goalC - unit.SetPointC) <= step * (1 + 1e-9) ? goalC : unit.SetPointC + Math.CopySign(step, goalC - unit.SetPointC);
            },
            Done = () => unit.SetPointC == goalC,
        };
    }

    /// <summary>
    /// Holds the set-point for a time that counts only while the measured temperature is within the hold
    /// tolerance of it (see HoldTolerance); an unheated vessel's hold counts from the start. Fails when the
    /// band is not reached within the settle time (a failed heater, a lost sensor).
    /// </summary>
    public SimulatedVerb Hold(UnitPhysics unit, TimeSpan duration, double? toleranceC = null)
    {
        var band = toleranceC ?? settings.HoldToleranceC;
        var held = TimeSpan.Zero;
        var outOfBand = TimeSpan.Zero;
        return new SimulatedVerb
        {
            Limit = Forever,
            PerTick = dt =>
            {
                if (!unit.HeaterOn || Math.Abs(SenseQuietly(unit) - unit.SetPointC) <= band)
                {
                    held += dt;
                    outOfBand = TimeSpan.Zero;
                }
                else if ((outOfBand += dt) > settings.HoldSettleTime)
                {
                    throw new TimeoutException(
                        $"{unit.Vessel} stayed more than {QuantityFormat.Format(settings.HoldSettleTime)} outside ±{QuantityFormat.Format(band, "°C")} of its " +
                        $"{Temperature.Celsius(unit.SetPointC)} set-point during a hold (heater failure or lost sensor?).");
                }
            },
            Done = () => held >= duration,
        };
    }

    public SimulatedVerb Cool(UnitPhysics unit, double targetC)
    {
        unit.HeaterOn = false;
        // Natural cooling only approaches ambient: a target at or below it counts as reached 1 °C above.
        var reached = Math.Max(targetC, unit.AmbientC + 1);
        return new SimulatedVerb
        {
            Limit = Forever,
            Done = () => unit.TemperatureC <= reached,
            OnLimit = () => new TimeoutException($"{unit.Vessel} did not cool to {Temperature.Celsius(targetC)} in {Forever.TotalDays} days (is its heater stuck?)."),
            Finish = () => unit.SetPointC = unit.TemperatureC,
        };
    }

    public SimulatedVerb Dry(UnitPhysics unit, double temperatureC, TimeSpan duration, bool vacuum)
    {
        if (vacuum)
            unit.Atmosphere = Gas.Vacuum;
        unit.SetPointC = temperatureC;
        unit.HeaterOn = true;
        return new SimulatedVerb { Limit = duration, Finish = () => unit.HeaterOn = false };
    }

    /// <summary>Galvanostatic: ends when the potential crosses the cut-off in the direction the current drives it, or at the maximum time.</summary>
    public SimulatedVerb ApplyCurrent(UnitPhysics unit, double milliamperes, double cutoffV, TimeSpan maxDuration)
    {
        RequireCell(unit.Vessel);
        var falling = milliamperes < 0;
        var cell = unit.Cell;
        bool Crossed() => cell.CurrentMilliamperes != 0 && (falling ? cell.PotentialV <= cutoffV : cell.PotentialV >= cutoffV);
        var cutoffReached = false;
        var finalV = double.NaN;
        return new SimulatedVerb
        {
            Limit = maxDuration,
            PerTick = dt => cell.DriveCurrent(milliamperes, dt),
            Done = Crossed,
            Finish = () =>
            {
                cutoffReached = Crossed();
                finalV = cell.PotentialV;
                cell.Off();
            },
            Result = passed => new CurrentStepResult(cutoffReached, passed, Potential.Volts(finalV)),
        };
    }

    public SimulatedVerb ApplyPotential(UnitPhysics unit, double volts, TimeSpan duration)
    {
        RequireCell(unit.Vessel);
        return new SimulatedVerb { Limit = duration, PerTick = dt => unit.Cell.HoldPotential(volts, dt), Finish = unit.Cell.Off };
    }

    private double Sense(UnitPhysics unit, double truth, double sigma)
    {
        if (unit.SensorLost(now()))
            return unit.LostSensorThrows ? throw new IOException($"{unit.Vessel} sensor does not answer.") : double.NaN;
        return truth + gaussian() * sigma;
    }

    private double SenseQuietly(UnitPhysics unit) => unit.SensorLost(now()) ? double.NaN : unit.TemperatureC + gaussian() * settings.TemperatureNoiseC;

    private static void RequireCell(Vessel vessel)
    {
        if (vessel != Vessel.Cell)
            throw new ArgumentException($"Only the cell has electrodes, not the {vessel}.", nameof(vessel));
    }
}
