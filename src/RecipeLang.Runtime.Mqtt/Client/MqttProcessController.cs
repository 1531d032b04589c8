using System.Buffers;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Mqtt;

/// <summary>
/// An IProcessController that drives real (or simulated) units over MQTT, per docs/plant-mqtt.md: each verb
/// is a command on the unit's cmd topic that must be accepted within the acknowledgement timeout and then
/// ends with done or failed on its ack topic. Readings come from the units' telemetry, never from the
/// set-points sent, so the executor's interlocks see what the plant measures. A verb fails at once with
/// PlantLinkException when the broker link drops, the unit's state turns offline or safe, or its telemetry
/// goes stale; the executor then runs the safe state, and the unit, which saw this runtime's last will or
/// lost its own link, has already gone to its safe state by itself.
/// </summary>
public sealed class MqttProcessController : IProcessController, IAsyncDisposable
{
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IMqttClient client;
    private readonly MqttPlantOptions options;
    private readonly PlantTopics topics;
    private readonly Dictionary<string, UnitView> units;
    private readonly ConcurrentDictionary<string, PendingCommand> pending = new();
    private readonly ConcurrentQueue<ThermalSample> samples = new();
    private long sequence;
    private volatile string? linkLost;

    private MqttProcessController(IMqttClient client, MqttPlantOptions options)
    {
        this.client = client;
        this.options = options;
        topics = new PlantTopics(options.Site);
        units = options.Units.GroupBy(u => u.Value).ToDictionary(g => g.Key, g => new UnitView(g.Key, g.First().Key));
    }

    /// <summary>Raised on the receive thread for every telemetry message: the unit id and the message.</summary>
    public event Action<string, UnitTelemetry>? TelemetryReceived;

    /// <summary>Measured temperature and pressure of the units, by plant time, with their set-points: the thermal profile of the run.</summary>
    public IReadOnlyList<ThermalSample> ThermalProfile => samples.ToArray();

    /// <summary>The state each unit last published (online, safe, offline), by unit id.</summary>
    public IReadOnlyDictionary<string, string?> UnitStates => units.ToDictionary(u => u.Key, u => u.Value.Status?.State);

    /// <summary>What the runtime last heard from each unit: state, measured temperature and set-point (for an operator view).</summary>
    public IReadOnlyList<UnitSnapshot> Snapshot() =>
        units.Values.Select(u => new UnitSnapshot(u.Id, u.Vessel, u.Status?.State, u.Telemetry?.TemperatureC, u.SetPoints is { HeaterOn: true } sp ? sp.TemperatureC : null)).ToArray();

    /// <summary>
    /// Connects with this runtime's last will, announces it online, subscribes to its units and waits until each
    /// is online (or safe) and sending telemetry. Throws PlantLinkException naming the broker or the silent units.
    /// </summary>
    public static async Task<MqttProcessController> ConnectAsync(BrokerEndpoint broker, MqttPlantOptions options, CancellationToken cancellationToken = default)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var controller = new MqttProcessController(client, options);
        client.ApplicationMessageReceivedAsync += e =>
        {
            controller.OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += e =>
        {
            controller.linkLost = $"the link to the broker {broker} dropped ({e.Reason})";
            return Task.CompletedTask;
        };
        var connect = broker.ClientOptions(options.RuntimeId, options.KeepAlive)
            .WithWillTopic(controller.topics.RuntimeState(options.RuntimeId))
            .WithWillPayload(PlantJson.Serialize(new RuntimeStatus { State = LinkState.Offline }))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            await broker.ConnectAsync(client, connect, cancellationToken);
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var unit in controller.units.Keys)
            {
                foreach (var topic in new[] { controller.topics.Ack(unit), controller.topics.Telemetry(unit), controller.topics.State(unit), controller.topics.SetPoint(unit) })
                    subscribe.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
            }
            await client.SubscribeAsync(subscribe.Build(), cancellationToken);
            await controller.PublishAsync(controller.topics.RuntimeState(options.RuntimeId), new RuntimeStatus { State = LinkState.Online }, retain: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            client.Dispose();
            throw new PlantLinkException($"cannot connect to the broker {broker}: {e.Message}");
        }
        try
        {
            await controller.WaitForUnitsAsync(cancellationToken);
        }
        catch
        {
            await controller.DisposeAsync();
            throw;
        }
        return controller;
    }

    private async Task WaitForUnitsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.ConnectTimeout;
        while (true)
        {
            var silent = units.Values.Where(u => u.Status?.State is not (LinkState.Online or LinkState.Safe) || u.TelemetryAge > options.TelemetryTimeout).ToList();
            if (silent.Count == 0)
                return;
            if (DateTime.UtcNow > deadline)
                throw new PlantLinkException(
                    $"no telemetry from {string.Join(", ", silent.Select(u => $"{u.Id} ({u.Status?.State ?? "never seen"})"))} within {QuantityFormat.Format(options.ConnectTimeout)} " +
                    $"on site '{options.Site}': are the units running and is the site name right?");
            await Task.Delay(WatchPeriod, cancellationToken);
        }
    }

    /// <summary>Clears the safe state of the units that report it (an operator resuming after a link loss acknowledges it so).</summary>
    public async Task ResetSafeUnitsAsync(CancellationToken cancellationToken)
    {
        foreach (var unit in units.Values.Where(u => u.Status?.State == LinkState.Safe))
            await SendAsync(unit, new UnitCommand { Id = "", Verb = UnitVerb.Reset, Runtime = "" }, cancellationToken, allowSafe: true);
    }

    public Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Charge, c => c with { Reagent = reagent, MassG = mass.InGrams }, cancellationToken);

    public Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.ChargeSolution, c => c with { Reagent = reagent, ConcentrationM = concentration.InMolar, VolumeMl = volume.InMillilitres }, cancellationToken);

    public Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.SetAtmosphere, c => c with { Gas = gas.Name, FlowLpm = flow.InLitresPerMinute }, cancellationToken);

    public Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Ramp, c => c with { TargetC = target.InCelsius, RateCPerMin = rate.InCelsiusPerMinute }, cancellationToken);

    public Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Hold, c => c with { DurationS = duration.TotalSeconds, ToleranceC = options.HoldToleranceC }, cancellationToken);

    public Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Cool, c => c with { TargetC = target.InCelsius }, cancellationToken);

    public Task SealAsync(Vessel vessel, CancellationToken cancellationToken) => SendAsync(vessel, UnitVerb.Seal, c => c, cancellationToken);

    public Task VentAsync(Vessel vessel, CancellationToken cancellationToken) => SendAsync(vessel, UnitVerb.Vent, c => c, cancellationToken);

    public Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Purge, c => c with { Gas = inertGas.Name }, cancellationToken);

    public Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken) => SendAsync(vessel, UnitVerb.PowerOff, c => c, cancellationToken);

    public async Task<CurrentStepResult> ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var ack = await SendAsync(vessel, UnitVerb.ApplyCurrent, c => c with { CurrentMa = current.InMilliamperes, CutoffV = cutoff.InVolts, DurationS = maxDuration.TotalSeconds }, cancellationToken);
        return new CurrentStepResult(ack.CutoffReached ?? false, TimeSpan.FromSeconds(ack.DurationS ?? maxDuration.TotalSeconds), Potential.Volts(ack.PotentialV ?? double.NaN));
    }

    public Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.ApplyPotential, c => c with { PotentialV = potential.InVolts, DurationS = duration.TotalSeconds }, cancellationToken);

    public Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Stir, c => c with { Rpm = speed.InRpm, DurationS = duration.TotalSeconds }, cancellationToken);

    public Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Sonicate, c => c with { DurationS = duration.TotalSeconds }, cancellationToken);

    public Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Wash, c => c with { Solvent = solvent, VolumeMl = volume.InMillilitres, Cycles = cycles }, cancellationToken);

    public Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken) =>
        SendAsync(vessel, UnitVerb.Dry, c => c with { TargetC = temperature.InCelsius, DurationS = duration.TotalSeconds, Vacuum = vacuum }, cancellationToken);

    public async Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken)
    {
        var source = Unit(from);
        var target = Unit(to);
        if (source == target)
            return;
        var discharged = await SendAsync(source, new UnitCommand { Id = "", Verb = UnitVerb.Discharge, Runtime = "" }, cancellationToken);
        await SendAsync(target, new UnitCommand { Id = "", Verb = UnitVerb.Receive, Runtime = "", Contents = discharged.Contents ?? [] }, cancellationToken);
    }

    public Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Task.FromResult(Temperature.Celsius(Reading(vessel).TemperatureC ?? double.NaN));

    public Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Task.FromResult(Pressure.Bar(Reading(vessel).PressureBar ?? double.NaN));

    public Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken) =>
        Task.FromResult(Potential.Volts(Reading(vessel).PotentialV ?? double.NaN));

    /// <summary>The unit's latest telemetry; throws PlantLinkException when the link or the telemetry is lost.</summary>
    private UnitTelemetry Reading(Vessel vessel)
    {
        var unit = Unit(vessel);
        EnsureLinked(unit, allowSafe: true);
        return unit.Telemetry!;
    }

    private Task<UnitAck> SendAsync(Vessel vessel, string verb, Func<UnitCommand, UnitCommand> with, CancellationToken cancellationToken) =>
        SendAsync(Unit(vessel), with(new UnitCommand { Id = "", Verb = verb, Runtime = "" }), cancellationToken);

    private async Task<UnitAck> SendAsync(UnitView unit, UnitCommand command, CancellationToken cancellationToken, bool allowSafe = false)
    {
        // Safe-state verbs go to a unit that already went safe by itself too: harmless, and it confirms.
        EnsureLinked(unit, allowSafe || UnitVerb.IsSafeState(command.Verb));
        var id = $"{options.RuntimeId}-{Interlocked.Increment(ref sequence)}";
        var waiting = new PendingCommand();
        pending[id] = waiting;
        try
        {
            await PublishAsync(topics.Command(unit.Id), command with { Id = id, Runtime = options.RuntimeId }, retain: false, cancellationToken);
            var deadline = DateTime.UtcNow + options.AckTimeout;
            while (!waiting.Accepted.Task.IsCompleted)
            {
                await Task.WhenAny(waiting.Accepted.Task, Task.Delay(WatchPeriod, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (waiting.Accepted.Task.IsCompleted)
                    break;
                // A unit that dropped off is named as such, not as a slow acknowledgement.
                EnsureLinked(unit, allowSafe || UnitVerb.IsSafeState(command.Verb));
                if (DateTime.UtcNow > deadline)
                    throw new PlantLinkException($"{unit.Id} did not acknowledge '{command.Verb}' within {QuantityFormat.Format(options.AckTimeout)}");
            }
            while (!waiting.Final.Task.IsCompleted)
            {
                await Task.WhenAny(waiting.Final.Task, Task.Delay(WatchPeriod, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (!waiting.Final.Task.IsCompleted)
                {
                    EnsureLinked(unit, allowSafe || UnitVerb.IsSafeState(command.Verb));
                    CheckTelemetryLimits();
                }
            }
            var ack = await waiting.Final.Task;
            if (ack.Status != AckStatus.Done)
                throw new InvalidOperationException($"{unit.Id} {ack.Status} '{command.Verb}': {ack.Message ?? "no reason given"}");
            return ack;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stop the unit doing what it was told before the executor runs the safe state; best effort.
            try
            {
                await PublishAsync(topics.Command(unit.Id), new UnitCommand { Id = id + "-abort", Verb = UnitVerb.Abort, Runtime = options.RuntimeId }, retain: false, CancellationToken.None);
            }
            catch (Exception)
            {
                // The link is gone: the unit's own link-loss rule takes it to its safe state.
            }
            throw;
        }
        finally
        {
            pending.TryRemove(id, out _);
        }
    }

    private void EnsureLinked(UnitView unit, bool allowSafe)
    {
        if (linkLost is { } reason || !client.IsConnected)
            throw new PlantLinkException($"{unit.Id}: {linkLost ?? "not connected to the broker"}");
        var state = unit.Status?.State;
        if (state == LinkState.Offline)
            throw new PlantLinkException($"link to unit {unit.Id} lost: the broker reports it offline{(unit.Status?.Message is { } m ? $" ({m})" : "")}");
        if (state == LinkState.Safe && !allowSafe)
            throw new PlantLinkException($"unit {unit.Id} is in its safe state: {unit.Status?.Message ?? "no reason given"}");
        if (unit.TelemetryAge > options.TelemetryTimeout)
            throw new PlantLinkException($"link to unit {unit.Id} lost: no telemetry for {QuantityFormat.Format(options.TelemetryTimeout)}");
    }

    /// <summary>The telemetry interlock: a heater can run away during a long verb on any unit, not only the one commanded.</summary>
    private void CheckTelemetryLimits()
    {
        if (options.Limits is not { } limits)
            return;
        foreach (var unit in units.Values)
        {
            var max = unit.Vessel switch
            {
                Vessel.Furnace => limits.FurnaceMaxC,
                Vessel.Autoclave => limits.AutoclaveMaxC,
                _ => double.PositiveInfinity,
            };
            if (unit.Telemetry is { TemperatureC: { } t } && t > max)
                throw new InterlockTrippedException($"{unit.Vessel} over temperature: {unit.Id} read {Temperature.Celsius(t)}, site maximum {Temperature.Celsius(max)}.");
            if (unit.Vessel == Vessel.Autoclave && unit.Telemetry is { PressureBar: { } p } && p > limits.AutoclaveMaxBar)
                throw new InterlockTrippedException($"{unit.Vessel} over pressure: {unit.Id} read {Pressure.Bar(p)}, site maximum {Pressure.Bar(limits.AutoclaveMaxBar)}.");
        }
    }

    private UnitView Unit(Vessel vessel) =>
        options.Units.TryGetValue(vessel, out var id) ? units[id] : throw new InvalidOperationException($"No unit is bound to the {vessel}.");

    private void OnMessage(string topic, byte[] payload)
    {
        // recipelang/v1/{site}/units/{unit}/{kind}
        var levels = topic.Split('/');
        if (levels.Length != 6 || levels[3] != "units" || !units.TryGetValue(levels[4], out var unit))
            return;
        switch (levels[5])
        {
            case "ack" when PlantJson.Deserialize<UnitAck>(payload) is { } ack && pending.TryGetValue(ack.Id, out var waiting):
                waiting.Accepted.TrySetResult();
                if (ack.Status != AckStatus.Accepted)
                    waiting.Final.TrySetResult(ack);
                break;
            case "telemetry" when PlantJson.Deserialize<UnitTelemetry>(payload) is { } telemetry:
                unit.Heard(telemetry);
                var setPoint = unit.SetPoints is { HeaterOn: true, TemperatureC: { } sp } ? sp : double.NaN;
                samples.Enqueue(new ThermalSample(TimeSpan.FromSeconds(telemetry.PlantSeconds), unit.Vessel,
                    telemetry.TemperatureC ?? double.NaN, telemetry.PressureBar ?? double.NaN, setPoint));
                TelemetryReceived?.Invoke(unit.Id, telemetry);
                break;
            case "state" when PlantJson.Deserialize<UnitStatus>(payload) is { } status:
                unit.Status = status;
                break;
            case "setpoint" when PlantJson.Deserialize<UnitSetPoints>(payload) is { } setPoints:
                unit.SetPoints = setPoints;
                break;
        }
    }

    private Task PublishAsync<T>(string topic, T message, bool retain, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(PlantJson.Serialize(message))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build(), cancellationToken);

    /// <summary>Announces this runtime offline (a clean stop, not a lost link) and disconnects.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await PublishAsync(topics.RuntimeState(options.RuntimeId), new RuntimeStatus { State = LinkState.Offline }, retain: true, CancellationToken.None);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
        catch (Exception)
        {
            // Already gone: the broker publishes the last will instead.
        }
        client.Dispose();
    }

    private sealed class PendingCommand
    {
        public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<UnitAck> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
