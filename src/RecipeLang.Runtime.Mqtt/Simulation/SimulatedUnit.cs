using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Mqtt.Simulation;

/// <summary>
/// One simulated unit behind MQTT: the controller side of docs/plant-mqtt.md over the shared unit physics.
/// Commands arrive on the MQTT thread and wait in an inbox; the simulator's loop thread does everything else
/// (Step), so the physics needs no locks of its own.
/// </summary>
internal sealed class SimulatedUnit(string id, Vessel unitClass, UnitPhysics physics, UnitVerbs verbs, PlantTopics topics, BrokerEndpoint broker, Action wake)
{
    private readonly ConcurrentQueue<UnitCommand> inbox = new();
    private readonly ConcurrentQueue<string> runtimesGone = new();
    private IMqttClient? client;
    private Active? active;
    private string state = LinkState.Online;
    private string? stateMessage;
    private string? owner;
    private long reconnectAt;
    private long telemetrySeq;
    private string? publishedSetPoints;

    public string Id { get; } = id;
    public Vessel Class { get; } = unitClass;
    public UnitPhysics Physics { get; } = physics;
    public string State => state;
    public string? StateMessage => stateMessage;
    public bool LinkDown { get; private set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        client?.Dispose();
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        var options = broker.ClientOptions($"unit-{topics.Site}-{Id}", TimeSpan.FromSeconds(5))
            .WithWillTopic(topics.State(Id))
            .WithWillPayload(PlantJson.Serialize(new UnitStatus { State = LinkState.Offline, Class = ClassName, Message = "lost its broker link" }))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await broker.ConnectAsync(client, options, cancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(topics.Command(Id), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(topics.AllRuntimeStates, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);
        publishedSetPoints = null;
        await PublishAsync(topics.State(Id), new UnitStatus { State = state, Class = ClassName, Message = stateMessage }, retain: true);
        PublishSetPointsIfChanged();
    }

    private string ClassName => MqttPlantOptions.UnitClass(Class);

    private void OnMessage(string topic, byte[] payload)
    {
        if (topic == topics.Command(Id))
        {
            if (PlantJson.Deserialize<UnitCommand>(payload) is { } command)
            {
                inbox.Enqueue(command);
                wake();
            }
        }
        else if (PlantJson.Deserialize<RuntimeStatus>(payload) is { State: LinkState.Offline })
        {
            // recipelang/v1/{site}/runtimes/{runtime}/state
            var levels = topic.Split('/');
            if (levels.Length == 6)
                runtimesGone.Enqueue(levels[4]);
        }
    }

    /// <summary>On the loop thread: take commands, move the running verb and the physics on by plantDt in ticks of at most `tick`.</summary>
    public void Step(TimeSpan plantDt, TimeSpan now, TimeSpan tick)
    {
        if (LinkDown && Stopwatch.GetTimestamp() >= reconnectAt)
        {
            LinkDown = false;
            _ = ReconnectAsync();
        }
        while (runtimesGone.TryDequeue(out var runtime))
        {
            // Our runtime is gone: a running verb or a hot, sealed or powered unit must not be left as it is.
            if (runtime == owner && (active is not null || Physics.HeaterOn || Physics.Sealed || Physics.CellCurrentMilliamperes != 0))
                GoSafe($"its runtime {runtime} went offline");
        }
        while (inbox.TryDequeue(out var command))
            Handle(command);
        var left = plantDt;
        while (left > TimeSpan.Zero)
        {
            var dt = left < tick ? left : tick;
            CompleteIfDone();
            if (active is { } running)
            {
                try
                {
                    running.Verb.PerTick?.Invoke(dt);
                }
                catch (Exception e)
                {
                    Finish(AckStatus.Failed, e.Message);
                }
                if (active is not null)
                    active = running with { Passed = running.Passed + dt };
            }
            Physics.Advance(dt, now);
            now += dt;
            left -= dt;
        }
        CompleteIfDone();
        PublishSetPointsIfChanged();
    }

    public void PublishTelemetry(TimeSpan plantTime)
    {
        if (LinkDown || client is not { IsConnected: true })
            return;
        double? temperature, pressure;
        try
        {
            temperature = Finite(verbs.SenseTemperature(Physics));
            pressure = Finite(verbs.SensePressure(Physics));
        }
        catch (IOException)
        {
            temperature = pressure = null;
        }
        _ = PublishAsync(topics.Telemetry(Id), new UnitTelemetry
        {
            Seq = ++telemetrySeq,
            PlantSeconds = plantTime.TotalSeconds,
            SentAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            TemperatureC = temperature,
            PressureBar = pressure,
            PotentialV = Class == Vessel.Cell ? Physics.CellPotentialV : null,
            CurrentMa = Class == Vessel.Cell ? Physics.CellCurrentMilliamperes : null,
            HeaterOutput = Math.Round(Physics.HeaterOutput, 4),
            Running = active?.Command.Id,
        }, retain: false);
    }

    /// <summary>The broker link drops without a clean disconnect (the broker publishes the last will); the unit goes safe and reconnects after `downFor` (wall time).</summary>
    public void DropLink(TimeSpan downFor)
    {
        LinkDown = true;
        reconnectAt = Stopwatch.GetTimestamp() + (long)(downFor.TotalSeconds * Stopwatch.Frequency);
        GoSafe("lost its broker link");
        // Dropping the connection without a DISCONNECT packet is what a cut cable looks like to the broker,
        // which then publishes the unit's last will.
        var gone = client;
        client = null;
        gone?.Dispose();
    }

    public async Task DisconnectAsync()
    {
        if (client is { IsConnected: true })
        {
            try
            {
                await PublishAsync(topics.State(Id), new UnitStatus { State = LinkState.Offline, Class = ClassName, Message = "simulator stopped" }, retain: true);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
            catch (Exception)
            {
                // The broker went first.
            }
        }
        client?.Dispose();
    }

    private async Task ReconnectAsync()
    {
        try
        {
            await ConnectAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // Try again a second later, as a PLC would.
            LinkDown = true;
            reconnectAt = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        }
    }

    private void Handle(UnitCommand command)
    {
        switch (command.Verb)
        {
            case UnitVerb.Abort:
                if (active is not null)
                    Finish(AckStatus.Failed, "aborted");
                Ack(command.Id, AckStatus.Done);
                return;
            case UnitVerb.Reset:
                state = LinkState.Online;
                stateMessage = null;
                _ = PublishAsync(topics.State(Id), new UnitStatus { State = state, Class = ClassName }, retain: true);
                Ack(command.Id, AckStatus.Done);
                return;
        }
        var safeState = UnitVerb.IsSafeState(command.Verb);
        if (state == LinkState.Safe && !safeState)
        {
            Ack(command.Id, AckStatus.Rejected, $"{Id} is in its safe state ({stateMessage}); send reset first");
            return;
        }
        if (active is { } busy)
        {
            if (!safeState)
            {
                Ack(command.Id, AckStatus.Rejected, $"{Id} is busy with {busy.Command.Verb} ({busy.Command.Id})");
                return;
            }
            Finish(AckStatus.Failed, $"aborted by {command.Verb}");
        }
        SimulatedVerb verb;
        try
        {
            verb = Build(command);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Ack(command.Id, AckStatus.Rejected, e.Message);
            return;
        }
        owner = command.Runtime;
        Ack(command.Id, AckStatus.Accepted);
        active = new Active(command, verb, TimeSpan.Zero);
        CompleteIfDone();
    }

    private SimulatedVerb Build(UnitCommand c)
    {
        var u = Physics;
        return c.Verb switch
        {
            UnitVerb.Charge => verbs.Handling(() => u.Contents.Add($"{Mass.Grams(Need(c.MassG, "massG"))} {Need(c.Reagent, "reagent")}")),
            UnitVerb.ChargeSolution => verbs.Handling(() =>
                u.Contents.Add($"{Volume.Millilitres(Need(c.VolumeMl, "volumeMl"))} {Concentration.Molar(Need(c.ConcentrationM, "concentrationM"))} {Need(c.Reagent, "reagent")}")),
            UnitVerb.SetAtmosphere => SetAtmosphere(Gas.Named(Need(c.Gas, "gas")), c.FlowLpm ?? 0),
            UnitVerb.Ramp => verbs.Ramp(u, Need(c.TargetC, "targetC"), Need(c.RateCPerMin, "rateCPerMin")),
            UnitVerb.Hold => verbs.Hold(u, Seconds(c.DurationS), c.ToleranceC),
            UnitVerb.Cool => verbs.Cool(u, Need(c.TargetC, "targetC")),
            UnitVerb.Seal => verbs.Seal(u),
            UnitVerb.Vent => verbs.Handling(() => u.Sealed = false),
            UnitVerb.Purge => verbs.Purge(u, Gas.Named(Need(c.Gas, "gas"))),
            UnitVerb.PowerOff => verbs.Handling(u.PowerOff, TimeSpan.Zero),
            UnitVerb.ApplyCurrent => verbs.ApplyCurrent(u, Need(c.CurrentMa, "currentMa"), Need(c.CutoffV, "cutoffV"), Seconds(c.DurationS)),
            UnitVerb.ApplyPotential => verbs.ApplyPotential(u, Need(c.PotentialV, "potentialV"), Seconds(c.DurationS)),
            UnitVerb.Stir => Stir(Need(c.Rpm, "rpm"), Seconds(c.DurationS)),
            UnitVerb.Sonicate => verbs.Timed(Seconds(c.DurationS)),
            UnitVerb.Wash => verbs.Wash(c.Cycles ?? throw Missing("cycles")),
            UnitVerb.Dry => verbs.Dry(u, Need(c.TargetC, "targetC"), Seconds(c.DurationS), c.Vacuum ?? false),
            UnitVerb.Discharge => Discharge(),
            UnitVerb.Receive => verbs.Handling(() => u.Contents.AddRange(c.Contents ?? [])),
            _ => throw new ArgumentException($"unknown verb '{c.Verb}'"),
        };
    }

    private SimulatedVerb SetAtmosphere(Gas gas, double flow) => verbs.Handling(() =>
    {
        Physics.Atmosphere = gas;
        Physics.GasFlowLitresPerMinute = gas.IsVacuum ? 0 : flow;
    });

    private SimulatedVerb Stir(double rpm, TimeSpan duration)
    {
        Physics.StirRpm = rpm;
        return new SimulatedVerb { Limit = duration, Finish = () => Physics.StirRpm = 0 };
    }

    private SimulatedVerb Discharge()
    {
        var taken = Physics.Contents.ToList();
        Physics.Contents.Clear();
        return new SimulatedVerb { Limit = verbs.Settings.HandlingTime, Result = _ => taken };
    }

    private void CompleteIfDone()
    {
        if (active is { } running && (running.Verb.IsDone || running.Passed >= running.Verb.Limit))
        {
            object? result;
            try
            {
                result = running.Verb.Complete(running.Passed);
            }
            catch (Exception e)
            {
                Finish(AckStatus.Failed, e.Message);
                return;
            }
            active = null;
            Ack(running.Command.Id, AckStatus.Done, result: result);
        }
    }

    private void Finish(string status, string message)
    {
        if (active is { } running)
        {
            active = null;
            Ack(running.Command.Id, status, message);
        }
    }

    private void GoSafe(string reason)
    {
        Finish(AckStatus.Failed, $"{Id} went to its safe state: {reason}");
        Physics.PowerOff();
        Physics.Sealed = false;
        Physics.Atmosphere = Gas.Nitrogen;
        state = LinkState.Safe;
        stateMessage = reason;
        _ = PublishAsync(topics.State(Id), new UnitStatus { State = state, Class = ClassName, Message = reason }, retain: true);
    }

    private void Ack(string commandId, string status, string? message = null, object? result = null)
    {
        var ack = new UnitAck { Id = commandId, Status = status, Message = message };
        ack = result switch
        {
            CurrentStepResult r => ack with { CutoffReached = r.CutoffReached, DurationS = r.Duration.TotalSeconds, PotentialV = Finite(r.FinalPotential.InVolts) },
            IReadOnlyList<string> contents => ack with { Contents = contents },
            _ => ack,
        };
        _ = PublishAsync(topics.Ack(Id), ack, retain: false);
    }

    private void PublishSetPointsIfChanged()
    {
        var u = Physics;
        var setPoints = new UnitSetPoints
        {
            TemperatureC = Math.Round(u.SetPointC, 3),
            HeaterOn = u.HeaterOn,
            Gas = u.Atmosphere?.Name,
            FlowLpm = u.GasFlowLitresPerMinute,
            Sealed = u.Sealed,
            Rpm = u.StirRpm,
            Contents = u.Contents.ToArray(),
        };
        var json = System.Text.Encoding.UTF8.GetString(PlantJson.Serialize(setPoints));
        if (json == publishedSetPoints || LinkDown || client is not { IsConnected: true })
            return;
        publishedSetPoints = json;
        _ = PublishAsync(topics.SetPoint(Id), setPoints, retain: true);
    }

    private async Task PublishAsync<T>(string topic, T message, bool retain)
    {
        var link = client;
        if (link is not { IsConnected: true } || LinkDown)
            return;
        try
        {
            await link.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(PlantJson.Serialize(message))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(retain)
                .Build());
        }
        catch (Exception)
        {
            // A lost publish is a lost link: the runtime sees the stale telemetry or the last will.
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static TimeSpan Seconds(double? seconds) =>
        seconds is { } s && double.IsFinite(s) && s >= 0 ? TimeSpan.FromSeconds(s) : throw Missing("durationS");

    private static T Need<T>(T? value, string field) where T : class => value ?? throw Missing(field);

    private static double Need(double? value, string field) => value is { } v && double.IsFinite(v) ? v : throw Missing(field);

    private static ArgumentException Missing(string field) => new($"the command needs {field}");

    private sealed record Active(UnitCommand Command, SimulatedVerb Verb, TimeSpan Passed);
}
