namespace RecipeLang.Runtime.Execution;

/// <summary>
/// Wraps the plant's controller so that no verb reaches it when it would exceed an equipment limit,
/// and so that the furnace's and the autoclave's sensors are checked after each verb and during long
/// holds, whichever vessel the verb addressed (a heater can run away while the plan works elsewhere).
/// It holds whatever the plan says, even a plan whose checker was bypassed.
/// </summary>
internal sealed class InterlockedController(
    IProcessController plant,
    EquipmentLimits limits,
    TimeSpan watchInterval,
    Action<string> onVerb,
    Action<string> onEarlyEnd,
    ChargeLedger charges) : IProcessController
{
    private static readonly Vessel[] Watched = [Vessel.Furnace, Vessel.Autoclave];

    private readonly Dictionary<Vessel, double> setPoints = [];
    private bool autoclaveSealed;

    public async Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken)
    {
        var what = $"charge {vessel} with {mass} {reagent}";
        onVerb(what);
        await charges.ChargeOnceAsync(what, () => plant.ChargeAsync(vessel, reagent, mass, cancellationToken));
        await WatchAsync(cancellationToken);
    }

    public async Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken)
    {
        var what = $"charge {vessel} with {volume} of {concentration} {reagent}";
        onVerb(what);
        await charges.ChargeOnceAsync(what, () => plant.ChargeSolutionAsync(vessel, reagent, concentration, volume, cancellationToken));
        await WatchAsync(cancellationToken);
    }

    public async Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken)
    {
        onVerb($"set {vessel} atmosphere to {gas} at {flow}");
        CheckGas(gas);
        await plant.SetAtmosphereAsync(vessel, gas, flow, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken)
    {
        onVerb($"ramp {vessel} to {target} at {rate}");
        CheckSetPoint(vessel, target);
        if (!(rate.InCelsiusPerMinute > 0))
        {
            await plant.RampAsync(vessel, target, rate, cancellationToken);
            return;
        }
        // A ramp can last hours too: give it to the plant in legs of one watch interval each and look
        // at the sensors after every leg.
        var setPoint = setPoints.TryGetValue(vessel, out var known) ? known : (await ReadTemperatureCheckedAsync(vessel, cancellationToken)).InCelsius;
        if (!double.IsFinite(setPoint))
            setPoint = target.InCelsius;
        var leg = rate.InCelsiusPerMinute * watchInterval.TotalMinutes;
        do
        {
            setPoint = target.InCelsius > setPoint ? Math.Min(target.InCelsius, setPoint + leg) : Math.Max(target.InCelsius, setPoint - leg);
            await plant.RampAsync(vessel, Temperature.Celsius(setPoint), rate, cancellationToken);
            setPoints[vessel] = setPoint;
            await WatchAsync(cancellationToken);
        }
        while (setPoint != target.InCelsius);
    }

    public async Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken)
    {
        onVerb($"hold {vessel} for {QuantityFormat.Format(duration)}");
        // A hold is where a runaway heater goes unseen longest: hold in slices and look in between.
        var left = duration;
        while (left > TimeSpan.Zero)
        {
            var slice = left < watchInterval ? left : watchInterval;
            await plant.HoldAsync(vessel, slice, cancellationToken);
            await WatchAsync(cancellationToken);
            left -= slice;
        }
    }

    public async Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken)
    {
        onVerb($"cool {vessel} to {target}");
        setPoints.Remove(vessel);
        await plant.CoolAsync(vessel, target, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task SealAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"seal {vessel}");
        await plant.SealAsync(vessel, cancellationToken);
        if (vessel == Vessel.Autoclave)
            autoclaveSealed = true;
        await WatchAsync(cancellationToken);
    }

    public async Task VentAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"vent {vessel}");
        await plant.VentAsync(vessel, cancellationToken);
        if (vessel == Vessel.Autoclave)
            autoclaveSealed = false;
        await WatchAsync(cancellationToken);
    }

    public async Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken)
    {
        onVerb($"purge {vessel} with {inertGas}");
        CheckGas(inertGas);
        await plant.PurgeAsync(vessel, inertGas, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"power off {vessel}");
        setPoints.Remove(vessel);
        await plant.PowerOffAsync(vessel, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task<CurrentStepResult> ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        onVerb($"apply {current} to {vessel} until {cutoff} or {QuantityFormat.Format(maxDuration)}");
        var result = await plant.ApplyCurrentAsync(vessel, current, cutoff, maxDuration, cancellationToken);
        if (result.CutoffReached)
            onEarlyEnd($"{vessel} reached its {cutoff} cut-off after {QuantityFormat.Format(result.Duration)} of at most {QuantityFormat.Format(maxDuration)} " +
                $"(ended at {result.FinalPotential}; {current} passed {QuantityFormat.Format(current.InMilliamperes * result.Duration.TotalHours, "mAh")})");
        await WatchAsync(cancellationToken);
        return result;
    }

    public async Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken)
    {
        onVerb($"hold {vessel} at {potential} for {QuantityFormat.Format(duration)}");
        await plant.ApplyPotentialAsync(vessel, potential, duration, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken)
    {
        onVerb($"stir {vessel} at {speed} for {QuantityFormat.Format(duration)}");
        await plant.StirAsync(vessel, speed, duration, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken)
    {
        onVerb($"sonicate {vessel} for {QuantityFormat.Format(duration)}");
        await plant.SonicateAsync(vessel, duration, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken)
    {
        onVerb($"wash {vessel} {cycles}× with {volume} {solvent}");
        await plant.WashAsync(vessel, solvent, volume, cycles, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken)
    {
        onVerb($"dry {vessel} at {temperature} for {QuantityFormat.Format(duration)}{(vacuum ? " under vacuum" : "")}");
        CheckSetPoint(vessel, temperature);
        setPoints.Remove(vessel);
        await plant.DryAsync(vessel, temperature, duration, vacuum, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken)
    {
        onVerb($"transfer {from} → {to}");
        await plant.TransferAsync(from, to, cancellationToken);
        await WatchAsync(cancellationToken);
    }

    public async Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"read {vessel} temperature");
        var reading = await ReadTemperatureCheckedAsync(vessel, cancellationToken);
        CheckTemperatureReading(vessel, reading);
        return reading;
    }

    public async Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"read {vessel} pressure");
        var reading = await ReadPressureCheckedAsync(vessel, cancellationToken);
        CheckPressureReading(vessel, reading);
        return reading;
    }

    public Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        onVerb($"read {vessel} potential");
        return plant.ReadPotentialAsync(vessel, cancellationToken);
    }

    private void CheckGas(Gas gas)
    {
        if (!limits.Allows(gas))
            throw new InterlockTrippedException($"Gas {gas} is not in the site's gas list ({string.Join(", ", limits.AllowedGases)}).");
    }

    private void CheckSetPoint(Vessel vessel, Temperature target)
    {
        var max = MaxTemperature(vessel);
        if (target.InCelsius > max)
            throw new InterlockTrippedException($"{vessel} set-point {target} is above the site maximum of {Temperature.Celsius(max)}.");
        if (vessel == Vessel.Autoclave && autoclaveSealed)
            CheckSealedPressure(target);
    }

    private void CheckSealedPressure(Temperature temperature)
    {
        var pressure = SteamTable.SaturationPressure(temperature);
        if (pressure.InBar > limits.AutoclaveMaxBar)
            throw new InterlockTrippedException(
                $"Sealed autoclave at {temperature} would reach {pressure} of steam, above the site maximum of {Pressure.Bar(limits.AutoclaveMaxBar)}.");
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        foreach (var vessel in Watched)
        {
            CheckTemperatureReading(vessel, await ReadTemperatureCheckedAsync(vessel, cancellationToken));
            if (vessel == Vessel.Autoclave)
                CheckPressureReading(vessel, await ReadPressureCheckedAsync(vessel, cancellationToken));
        }
    }

    private async Task<Temperature> ReadTemperatureCheckedAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        try
        {
            return await plant.ReadTemperatureAsync(vessel, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InterlockTrippedException($"{vessel} temperature sensor lost: {e.Message}");
        }
    }

    private async Task<Pressure> ReadPressureCheckedAsync(Vessel vessel, CancellationToken cancellationToken)
    {
        try
        {
            return await plant.ReadPressureAsync(vessel, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InterlockTrippedException($"{vessel} pressure sensor lost: {e.Message}");
        }
    }

    private void CheckTemperatureReading(Vessel vessel, Temperature reading)
    {
        if (!double.IsFinite(reading.InCelsius))
            throw new InterlockTrippedException($"{vessel} temperature sensor lost (no valid reading).");
        var max = MaxTemperature(vessel);
        if (reading.InCelsius > max)
            throw new InterlockTrippedException($"{vessel} over temperature: read {reading}, site maximum {Temperature.Celsius(max)}.");
    }

    private void CheckPressureReading(Vessel vessel, Pressure reading)
    {
        if (!double.IsFinite(reading.InBar))
            throw new InterlockTrippedException($"{vessel} pressure sensor lost (no valid reading).");
        if (vessel == Vessel.Autoclave && reading.InBar > limits.AutoclaveMaxBar)
            throw new InterlockTrippedException($"{vessel} over pressure: read {reading}, site maximum {Pressure.Bar(limits.AutoclaveMaxBar)}.");
    }

    private double MaxTemperature(Vessel vessel) => vessel switch
    {
        Vessel.Furnace => limits.FurnaceMaxC,
        Vessel.Autoclave => limits.AutoclaveMaxC,
        _ => double.PositiveInfinity,
    };
}
