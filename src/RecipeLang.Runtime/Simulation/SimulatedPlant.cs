namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// A simulated regeneration line (furnace, autoclave, electrochemical cell, mixer, dryer) for dry runs
/// and tests. Every verb completes at once in wall time and advances a virtual clock through a
/// first-order thermal model in small ticks; sensors add seeded Gaussian noise. Faults can be injected
/// to exercise the interlocks.
/// </summary>
public sealed class SimulatedPlant : IProcessController
{
    private static readonly TimeSpan Forever = TimeSpan.FromDays(7);

    private readonly SimulationSettings settings;
    private readonly Random noise;
    private readonly Dictionary<Vessel, SimulatedVessel> vessels;
    private readonly ElectrochemicalCell cell = new();
    private readonly List<ThermalSample> profile = [];

    public SimulatedPlant(SimulationSettings? settings = null)
    {
        this.settings = settings ?? new SimulationSettings();
        noise = new Random(this.settings.Seed);
        vessels = Enum.GetValues<Vessel>().ToDictionary(v => v, v => new SimulatedVessel(v, ThermalModel.For(v), this.settings.AmbientC));
    }

    public SimulatedClock Clock { get; } = new();

    /// <summary>Every tick's true temperature and pressure of each vessel that is heated, warm or sealed.</summary>
    public IReadOnlyList<ThermalSample> ThermalProfile => profile;

    public VesselState State(Vessel vessel)
    {
        var v = vessels[vessel];
        return new VesselState(vessel, v.TemperatureC, v.SetPointC, v.HeaterOn, v.Sealed, v.Atmosphere, v.PressureBar, v.Contents.ToArray());
    }

    /// <summary>The vessel's heater stays at full power from the given simulated time on, whatever it is told.</summary>
    public void InjectStuckHeater(Vessel vessel, TimeSpan after = default) => vessels[vessel].StuckHeaterFrom = Clock.Elapsed + after;

    /// <summary>The vessel settles this many degrees above its set-point (a badly tuned controller).</summary>
    public void InjectOvershoot(Vessel vessel, double degreesC) => vessels[vessel].OvershootC = degreesC;

    /// <summary>The vessel's temperature and pressure sensors fail: readings are NaN, or throw IOException.</summary>
    public void InjectSensorLoss(Vessel vessel, TimeSpan after = default, bool throws = false)
    {
        vessels[vessel].SensorLostFrom = Clock.Elapsed + after;
        vessels[vessel].LostSensorThrows = throws;
    }

    public Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].Contents.Add($"{mass} {reagent}");
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].Contents.Add($"{volume} {concentration} {reagent}");
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].Atmosphere = gas;
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        if (!(rate.InCelsiusPerMinute > 0))
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A ramp rate must be positive.");
        var v = vessels[vessel];
        if (!v.HeaterOn)
            v.SetPointC = v.TemperatureC;
        v.HeaterOn = true;
        var goal = target.InCelsius;
        Advance(Forever, cancellationToken,
            perTick: dt =>
            {
                var step = rate.InCelsiusPerMinute * dt.TotalMinutes;
                // Snap within rounding of the goal, or summing ticks could leave it a hair short.
                v.SetPointC = Math.Abs(goal - v.SetPointC) <= step * (1 + 1e-9) ? goal : v.SetPointC + Math.CopySign(step, goal - v.SetPointC);
            },
            done: () => v.SetPointC == goal);
    });

    public Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => Advance(duration, cancellationToken));

    public Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        var v = vessels[vessel];
        v.HeaterOn = false;
        // Natural cooling only approaches ambient: a target at or below it counts as reached 1 °C above.
        var reached = Math.Max(target.InCelsius, settings.AmbientC + 1);
        Advance(Forever, cancellationToken, done: () => v.TemperatureC <= reached);
        if (v.TemperatureC > reached)
            throw new TimeoutException($"{vessel} did not cool to {target} in {Forever.TotalDays} days (is its heater stuck?).");
        v.SetPointC = v.TemperatureC;
    });

    public Task SealAsync(Vessel vessel, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        if (vessel != Vessel.Autoclave)
            throw new ArgumentException($"Only the autoclave can be sealed, not the {vessel}.", nameof(vessel));
        vessels[vessel].Sealed = true;
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task VentAsync(Vessel vessel, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].Sealed = false;
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].Atmosphere = inertGas;
        Advance(settings.PurgeTime, cancellationToken);
    });

    public Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[vessel].HeaterOn = false;
        if (vessel == Vessel.Cell)
            cell.Off();
    });

    public Task ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        RequireCell(vessel);
        // The step ends when the potential crosses the cut-off in the direction the current drives it.
        var falling = current.InMilliamperes < 0;
        Advance(maxDuration, cancellationToken,
            perTick: dt => cell.DriveCurrent(current.InMilliamperes, dt),
            done: () => cell.CurrentMilliamperes != 0 && (falling ? cell.PotentialV <= cutoff.InVolts : cell.PotentialV >= cutoff.InVolts));
        cell.Off();
    });

    public Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        RequireCell(vessel);
        Advance(duration, cancellationToken, perTick: dt => cell.HoldPotential(potential.InVolts, dt));
        cell.Off();
    });

    public Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => Advance(duration, cancellationToken));

    public Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => Advance(duration, cancellationToken));

    public Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        if (cycles < 1)
            throw new ArgumentOutOfRangeException(nameof(cycles), cycles, "A wash needs at least one cycle.");
        Advance(settings.WashCycleTime * cycles, cancellationToken);
    });

    public Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        var v = vessels[vessel];
        if (vacuum)
            v.Atmosphere = Gas.Vacuum;
        v.SetPointC = temperature.InCelsius;
        v.HeaterOn = true;
        Advance(duration, cancellationToken);
        v.HeaterOn = false;
    });

    public Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken) => Do(cancellationToken, () =>
    {
        vessels[to].Contents.AddRange(vessels[from].Contents);
        vessels[from].Contents.Clear();
        Advance(settings.HandlingTime, cancellationToken);
    });

    public Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () => Temperature.Celsius(Sense(vessels[vessel], v => v.TemperatureC, settings.TemperatureNoiseC)));

    public Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () => Pressure.Bar(Sense(vessels[vessel], v => v.PressureBar, settings.PressureNoiseBar)));

    public Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () =>
        {
            RequireCell(vessel);
            return Potential.Volts(cell.PotentialV + Gaussian() * settings.PotentialNoiseV);
        });

    private double Sense(SimulatedVessel vessel, Func<SimulatedVessel, double> truth, double sigma)
    {
        if (vessel.SensorLost(Clock.Elapsed))
            return vessel.LostSensorThrows ? throw new IOException($"{vessel.Vessel} sensor does not answer.") : double.NaN;
        return truth(vessel) + Gaussian() * sigma;
    }

    /// <summary>
    /// Moves simulated time on in ticks until `duration` has passed or `done` holds (checked before
    /// each tick); `perTick` applies the verb's own change for the tick before the thermal update.
    /// </summary>
    private void Advance(TimeSpan duration, CancellationToken cancellationToken, Action<TimeSpan>? perTick = null, Func<bool>? done = null)
    {
        var passed = TimeSpan.Zero;
        while (passed < duration && !(done?.Invoke() ?? false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dt = duration - passed < settings.Tick ? duration - passed : settings.Tick;
            perTick?.Invoke(dt);
            foreach (var vessel in vessels.Values)
                vessel.Advance(dt, Clock.Elapsed, settings.AmbientC);
            Clock.Advance(dt);
            passed += dt;
            Sample();
        }
    }

    private void Sample()
    {
        foreach (var v in vessels.Values)
        {
            if (v.HeaterOn || v.HeaterStuck(Clock.Elapsed) || v.Sealed || v.TemperatureC > settings.AmbientC + 0.5)
                profile.Add(new ThermalSample(Clock.Elapsed, v.Vessel, v.TemperatureC, v.PressureBar));
        }
    }

    private double Gaussian()
    {
        // Box–Muller: two uniforms from the seeded generator give one standard normal value.
        var u1 = 1.0 - noise.NextDouble();
        var u2 = noise.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static void RequireCell(Vessel vessel)
    {
        if (vessel != Vessel.Cell)
            throw new ArgumentException($"Only the cell has electrodes, not the {vessel}.", nameof(vessel));
    }

    // The simulator works synchronously; these turn its outcome into the task the contract promises,
    // so a failure surfaces where the plan awaits, as it would with real hardware.
    private static Task Do(CancellationToken cancellationToken, Action act)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            act();
            return Task.CompletedTask;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    private static Task<T> Read<T>(CancellationToken cancellationToken, Func<T> read)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(read());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
