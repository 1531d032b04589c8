namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// A simulated regeneration line (furnace, autoclave, electrochemical cell, mixer, dryer) for dry runs
/// and tests. Every verb completes at once in wall time and advances a virtual clock in small ticks
/// through the shared unit physics (UnitPhysics, UnitVerbs); sensors add seeded Gaussian noise. Faults
/// can be injected to exercise the interlocks.
/// </summary>
public sealed class SimulatedPlant : IProcessController
{
    private readonly SimulationSettings settings;
    private readonly Random noise;
    private readonly Dictionary<Vessel, UnitPhysics> vessels;
    private readonly UnitVerbs verbs;
    private readonly List<ThermalSample> profile = [];

    public SimulatedPlant(SimulationSettings? settings = null)
    {
        this.settings = settings ?? new SimulationSettings();
        noise = new Random(this.settings.Seed);
        vessels = Enum.GetValues<Vessel>().ToDictionary(v => v, v => new UnitPhysics(v, ThermalModel.For(v), this.settings.AmbientC));
        verbs = new UnitVerbs(this.settings, () => Clock.Elapsed, Gaussian);
    }

    public SimulatedClock Clock { get; } = new();

    /// <summary>Every tick's true temperature, set-point and pressure of each vessel that is heated, warm or sealed.</summary>
    public IReadOnlyList<ThermalSample> ThermalProfile => profile;

    public VesselState State(Vessel vessel)
    {
        var v = vessels[vessel];
        return new VesselState(vessel, v.TemperatureC, v.SetPointC, v.HeaterOn, v.Sealed, v.Atmosphere, v.PressureBar, v.Contents.ToArray());
    }

    /// <summary>The vessel's heater stays at full power from the given simulated time on, whatever it is told.</summary>
    public void InjectStuckHeater(Vessel vessel, TimeSpan after = default) => vessels[vessel].StuckHeaterFrom = Clock.Elapsed + after;

    /// <summary>The vessel's heater delivers nothing from the given simulated time on.</summary>
    public void InjectHeaterFailure(Vessel vessel, TimeSpan after = default) => vessels[vessel].HeaterFailedFrom = Clock.Elapsed + after;

    /// <summary>The vessel settles this many degrees above its set-point (a badly tuned controller).</summary>
    public void InjectOvershoot(Vessel vessel, double degreesC) => vessels[vessel].OvershootC = degreesC;

    /// <summary>The vessel's temperature and pressure sensors fail: readings are NaN, or throw IOException.</summary>
    public void InjectSensorLoss(Vessel vessel, TimeSpan after = default, bool throws = false)
    {
        vessels[vessel].SensorLostFrom = Clock.Elapsed + after;
        vessels[vessel].LostSensorThrows = throws;
    }

    public Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Handling(() => vessels[vessel].Contents.Add($"{mass} {reagent}")));

    public Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Handling(() => vessels[vessel].Contents.Add($"{volume} {concentration} {reagent}")));

    public Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken) => Do(cancellationToken, () => verbs.Handling(() =>
    {
        vessels[vessel].Atmosphere = gas;
        vessels[vessel].GasFlowLitresPerMinute = gas.IsVacuum ? 0 : flow.InLitresPerMinute;
    }));

    public Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Ramp(vessels[vessel], target.InCelsius, rate.InCelsiusPerMinute));

    public Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Hold(vessels[vessel], duration));

    public Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Cool(vessels[vessel], target.InCelsius));

    public Task SealAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Seal(vessels[vessel]));

    public Task VentAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Handling(() => vessels[vessel].Sealed = false));

    public Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Purge(vessels[vessel], inertGas));

    public Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Handling(vessels[vessel].PowerOff, TimeSpan.Zero));

    public async Task<CurrentStepResult> ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken) =>
        (CurrentStepResult)(await Do(cancellationToken, () => verbs.ApplyCurrent(vessels[vessel], current.InMilliamperes, cutoff.InVolts, maxDuration)))!;

    public Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.ApplyPotential(vessels[vessel], potential.InVolts, duration));

    public Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Timed(duration));

    public Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Timed(duration));

    public Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Wash(cycles));

    public Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken) =>
        Do(cancellationToken, () => verbs.Dry(vessels[vessel], temperature.InCelsius, duration, vacuum));

    public Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken) => Do(cancellationToken, () => verbs.Handling(() =>
    {
        vessels[to].Contents.AddRange(vessels[from].Contents);
        vessels[from].Contents.Clear();
    }));

    public Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () => Temperature.Celsius(verbs.SenseTemperature(vessels[vessel])));

    public Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () => Pressure.Bar(verbs.SensePressure(vessels[vessel])));

    public Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Read(cancellationToken, () => Potential.Volts(verbs.SensePotential(vessels[vessel])));

    /// <summary>Runs a verb to its end on the virtual clock, every vessel's physics moving with it.</summary>
    private object? Run(SimulatedVerb verb, CancellationToken cancellationToken)
    {
        var passed = TimeSpan.Zero;
        while (passed < verb.Limit && !verb.IsDone)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dt = verb.Limit - passed < settings.Tick ? verb.Limit - passed : settings.Tick;
            verb.PerTick?.Invoke(dt);
            foreach (var vessel in vessels.Values)
                vessel.Advance(dt, Clock.Elapsed);
            Clock.Advance(dt);
            passed += dt;
            Sample();
        }
        return verb.Complete(passed);
    }

    private void Sample()
    {
        foreach (var v in vessels.Values)
        {
            if (v.Active(Clock.Elapsed))
                profile.Add(new ThermalSample(Clock.Elapsed, v.Vessel, v.TemperatureC, v.PressureBar, v.HeaterOn ? v.SetPointC : double.NaN));
        }
    }

    private double Gaussian()
    {
        // Box–Muller: two uniforms from the seeded generator give one standard normal value.
        var u1 = 1.0 - noise.NextDouble();
        var u2 = noise.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    // The simulator works synchronously; these turn its outcome into the task the contract promises,
    // so a failure surfaces where the plan awaits, as it would with real hardware.
    private Task<object?> Do(CancellationToken cancellationToken, Func<SimulatedVerb> verb)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Run(verb(), cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<object?>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<object?>(e);
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
