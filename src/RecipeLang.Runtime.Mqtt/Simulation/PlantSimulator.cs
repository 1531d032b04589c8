using System.Diagnostics;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Mqtt.Simulation;

/// <summary>
/// Simulated units behind MQTT (`recipelang plant simulate`): each unit has its own client, topics, last will
/// and physics (the same UnitPhysics and UnitVerbs as the in-process SimulatedPlant); one loop steps them all
/// on a plant clock that runs Speed times faster than the wall clock.
/// </summary>
public sealed class PlantSimulator : IAsyncDisposable
{
    private readonly PlantSimulatorOptions options;
    private readonly Dictionary<string, SimulatedUnit> units;
    private readonly List<UnitFault> pendingFaults;
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private Task? loop;
    private long plantTicks;

    private PlantSimulator(BrokerEndpoint broker, PlantSimulatorOptions options)
    {
        this.options = options;
        var topics = new PlantTopics(options.Site);
        var seed = options.Settings.Seed;
        units = new Dictionary<string, SimulatedUnit>(StringComparer.Ordinal);
        foreach (var (id, unitClass) in options.Units)
        {
            var noise = new Random(seed++);
            var verbs = new UnitVerbs(options.Settings, () => PlantTime, () => Gaussian(noise));
            var physics = new UnitPhysics(unitClass, ThermalModel.For(unitClass), options.Settings.AmbientC);
            units.Add(PlantTopics.Valid(id), new SimulatedUnit(id, unitClass, physics, verbs, topics, broker, () => wake.Release()));
        }
        pendingFaults = options.Faults.ToList();
        foreach (var fault in pendingFaults.Where(f => !units.ContainsKey(f.Unit)))
            throw new ArgumentException($"fault for unit '{fault.Unit}', which is not simulated here ({string.Join(", ", units.Keys)})");
    }

    public TimeSpan PlantTime => TimeSpan.FromTicks(Interlocked.Read(ref plantTicks));

    public IReadOnlyCollection<string> UnitIds => units.Keys;

    /// <summary>Connects every unit (birth message, set-points) and starts the loop.</summary>
    public static async Task<PlantSimulator> StartAsync(BrokerEndpoint broker, PlantSimulatorOptions options, CancellationToken cancellationToken = default)
    {
        var simulator = new PlantSimulator(broker, options);
        try
        {
            await Parallel.ForEachAsync(simulator.units.Values, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (unit, ct) => await unit.ConnectAsync(ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await simulator.DisposeAsync();
            throw new PlantLinkException($"simulated units cannot connect to the broker {broker}: {e.Message}");
        }
        simulator.loop = Task.Run(simulator.RunAsync);
        return simulator;
    }

    /// <summary>Injects a fault now (its At is ignored).</summary>
    public void Inject(string unit, UnitFaultKind kind)
    {
        lock (gate)
            Apply(new UnitFault(unit, kind, PlantTime));
    }

    /// <summary>A copy of a unit's state: its physics and its link state (online, safe).</summary>
    public SimulatedUnitState State(string unit)
    {
        lock (gate)
        {
            var u = units[unit];
            var p = u.Physics;
            return new SimulatedUnitState(u.Id, u.Class, u.State, u.StateMessage, u.LinkDown, p.TemperatureC, p.SetPointC, p.HeaterOn, p.Sealed, p.Atmosphere, p.PressureBar, p.Contents.ToArray());
        }
    }

    private async Task RunAsync()
    {
        var last = Stopwatch.GetTimestamp();
        var lastTelemetry = last;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(options.StepPeriod, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = Stopwatch.GetTimestamp();
            var plantDt = Stopwatch.GetElapsedTime(last, now) * options.Speed;
            last = now;
            lock (gate)
            {
                var plantNow = PlantTime;
                foreach (var fault in pendingFaults.Where(f => f.At <= plantNow).ToList())
                {
                    pendingFaults.Remove(fault);
                    Apply(fault);
                }
                foreach (var unit in units.Values)
                    unit.Step(plantDt, plantNow, options.Settings.Tick);
                Interlocked.Add(ref plantTicks, plantDt.Ticks);
                if (Stopwatch.GetElapsedTime(lastTelemetry, now) >= options.TelemetryPeriod)
                {
                    lastTelemetry = now;
                    foreach (var unit in units.Values)
                        unit.PublishTelemetry(PlantTime);
                }
            }
        }
    }

    private void Apply(UnitFault fault)
    {
        var unit = units.TryGetValue(fault.Unit, out var u) ? u : throw new ArgumentException($"no simulated unit '{fault.Unit}'");
        var now = PlantTime;
        switch (fault.Kind)
        {
            case UnitFaultKind.SensorLoss:
                unit.Physics.SensorLostFrom = now;
                break;
            case UnitFaultKind.HeaterFailure:
                unit.Physics.HeaterFailedFrom = now;
                break;
            case UnitFaultKind.OverTemperature:
                unit.Physics.StuckHeaterFrom = now;
                break;
            case UnitFaultKind.LinkDrop:
                unit.DropLink(options.LinkDownTime);
                break;
        }
    }

    private static double Gaussian(Random noise)
    {
        // Box–Muller, as the in-process plant does.
        var u1 = 1.0 - noise.NextDouble();
        var u2 = noise.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
            await loop;
        await Task.WhenAll(units.Values.Select(u => u.DisconnectAsync()));
        stop.Dispose();
        wake.Dispose();
    }
}

/// <summary>What a simulated unit is doing (true values) and its link state.</summary>
public sealed record SimulatedUnitState(
    string Id, Vessel Class, string LinkState, string? LinkMessage, bool LinkDown,
    double TemperatureC, double SetPointC, bool HeaterOn, bool Sealed, Gas? Atmosphere, double PressureBar, IReadOnlyList<string> Contents);
