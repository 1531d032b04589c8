using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MQTTnet;
using MQTTnet.Protocol;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Mqtt;
using RecipeLang.Runtime.Mqtt.Simulation;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Bench;

/// <summary>
/// `mqtt-scale [units] [seconds] [telemetry-ms]`: one process holds an embedded broker, `units` simulated units (in
/// lines of five) and one runtime controller per line. Every unit gets its own command loop (charge, which the
/// bench's units finish at once), so commands/s is the round-trip rate of command → accepted → done through the
/// broker; telemetry lag is receive time minus the unit's send stamp. The baseline, in the same run and broker, is a
/// bare MQTTnet client publishing QoS 1 messages to itself.
/// </summary>
public static class MqttScale
{
    public static async Task RunAsync(int unitCount, double seconds, int telemetryMs)
    {
        var lines = Math.Max(1, unitCount / 5);
        await using var broker = await EmbeddedBroker.StartAsync();
        var baseline = await BaselineAsync(broker.Endpoint, TimeSpan.FromSeconds(Math.Min(seconds, 10)));

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        await using var plant = await PlantSimulator.StartAsync(broker.Endpoint, new PlantSimulatorOptions
        {
            Site = "bench",
            Units = PlantSimulatorOptions.Lines(lines),
            Speed = 1,
            TelemetryPeriod = TimeSpan.FromMilliseconds(telemetryMs),
            Settings = new SimulationSettings { HandlingTime = TimeSpan.Zero },
        });
        var controllers = new List<MqttProcessController>();
        var lags = new ConcurrentBag<double>();
        var measuring = false;
        for (var line = 1; line <= lines; line++)
        {
            var controller = await MqttProcessController.ConnectAsync(broker.Endpoint, new MqttPlantOptions
            {
                Site = "bench",
                RuntimeId = $"bench-runtime-{line}",
                Units = MqttPlantOptions.Line(line),
                TelemetryTimeout = TimeSpan.FromSeconds(10),
                ConnectTimeout = TimeSpan.FromSeconds(30),
            });
            controller.TelemetryReceived += (_, telemetry) =>
            {
                if (measuring)
                    lags.Add(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - telemetry.SentAtMs);
            };
            controllers.Add(controller);
        }

        var roundTrips = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        measuring = true;
        var clock = Stopwatch.StartNew();
        var loops = controllers.SelectMany(c => Enum.GetValues<Vessel>().Select(v => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await c.ChargeAsync(v, "bench", Mass.Grams(1), CancellationToken.None);
                roundTrips.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }))).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed.TotalSeconds;
        measuring = false;
        var workingSet = Environment.WorkingSet;
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        foreach (var controller in controllers)
            await controller.DisposeAsync();

        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"units: {lines * 5} ({lines} lines, {lines} runtime controllers), {seconds:0} s, telemetry every {telemetryMs} ms per unit, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(invariant, $"commands: {roundTrips.Count} in {elapsed:0.0} s = {roundTrips.Count / elapsed:0} commands/s; round trip p50 {Percentile(roundTrips, 50):0.0} ms, p99 {Percentile(roundTrips, 99):0.0} ms"));
        Console.WriteLine(string.Create(invariant, $"telemetry: {lags.Count} messages = {lags.Count / elapsed:0}/s; lag p50 {Percentile(lags, 50):0} ms, p99 {Percentile(lags, 99):0} ms, max {lags.DefaultIfEmpty().Max():0} ms"));
        Console.WriteLine(string.Create(invariant, $"memory (broker + units + runtimes, one process): working set {workingSet / 1048576.0:0} MB (+{(workingSet - workingSetBefore) / 1048576.0:0} MB for the units and runtimes), managed heap {managed / 1048576.0:0} MB (+{(managed - memoryBefore) / 1048576.0:0} MB)"));
        Console.WriteLine(string.Create(invariant, $"baseline, bare MQTTnet QoS 1 publish to self on the same broker: {baseline.Rate:0} messages/s, one at a time, p50 {baseline.P50:0.00} ms, p99 {baseline.P99:0.00} ms"));
    }

    private static async Task<(double Rate, double P50, double P99)> BaselineAsync(BrokerEndpoint broker, TimeSpan duration)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = new ConcurrentDictionary<long, long>();
        var arrived = new SemaphoreSlim(0);
        client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.Payload.ToArray();
            received[BitConverter.ToInt64(payload)] = Stopwatch.GetTimestamp();
            arrived.Release();
            return Task.CompletedTask;
        };
        await client.ConnectAsync(broker.ClientOptions("bench-baseline", TimeSpan.FromSeconds(5)).Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("bench/baseline", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (long i = 0; clock.Elapsed < duration; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("bench/baseline").WithPayload(BitConverter.GetBytes(i))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await arrived.WaitAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent, received[i]).TotalMilliseconds);
        }
        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        return (latencies.Count / clock.Elapsed.TotalSeconds, Percentile(latencies, 50), Percentile(latencies, 99));
    }

    private static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percent / 100 * sorted.Length) - 1)];
    }
}
