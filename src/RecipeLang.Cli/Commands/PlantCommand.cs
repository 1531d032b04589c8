using System.Runtime.InteropServices;
using System.CommandLine;
using System.Globalization;
using RecipeLang.Cli.Input;
using RecipeLang.Runtime.Mqtt;
using RecipeLang.Runtime.Mqtt.Simulation;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang plant simulate [--broker URL] --units N</c>: simulated units that speak the MQTT contract of
/// docs/plant-mqtt.md, on an embedded loopback broker unless --broker names one, until Ctrl+C, SIGTERM or --for.
/// </summary>
public static class PlantCommand
{
    public static Command Create()
    {
        var broker = new BrokerOptions();
        var units = new Option<int>("--units") { Description = "Lines to simulate; each has one unit of every class (furnace-N, autoclave-N, cell-N, mixer-N, dryer-N)", DefaultValueFactory = _ => 1 };
        var port = new Option<int>("--port") { Description = "Port of the embedded broker (without --broker), on 127.0.0.1", DefaultValueFactory = _ => BrokerEndpoint.PlainPort };
        var speed = new Option<double>("--speed") { Description = "Plant seconds per wall second (3600: an hour a second; 1: real time)", DefaultValueFactory = _ => 3600 };
        var faults = new Option<string[]>("--fault") { Description = "Inject a fault: UNIT=KIND@TIME, KIND one of sensor-loss, heater-failure, over-temperature, link-drop; TIME plant time like 90s, 15min, 2h", AllowMultipleArgumentsPerToken = false };
        var duration = new Option<double?>("--for") { Description = "Stop after this many wall seconds (default: run until Ctrl+C)" };
        var simulate = new Command("simulate", "Run simulated units behind MQTT (an embedded broker on loopback unless --broker is given)") { units, port, speed, faults, duration };
        broker.AddTo(simulate);
        simulate.SetAction(async (result, cancellationToken) =>
        {
            var endpoint = broker.Endpoint(result);
            var lines = result.GetValue(units);
            if (lines < 1 || lines > 1000)
            {
                throw new UsageException("--units must be between 1 and 1000");
            }
            if (!(result.GetValue(speed) is > 0 and <= 1_000_000))
            {
                throw new UsageException("--speed must be a positive number of plant seconds per wall second, at most 1000000");
            }
            if (result.GetValue(port) is < 1 or > 65535)
            {
                throw new UsageException("--port must be a TCP port number from 1 to 65535");
            }
            if (result.GetValue(duration) is { } wallSeconds && !(wallSeconds is > 0 and <= int.MaxValue / 1000))
            {
                throw new UsageException($"--for must be a positive number of wall seconds, at most {int.MaxValue / 1000}");
            }
            var parsedFaults = (result.GetValue(faults) ?? []).Select(f =>
            {
                try
                {
                    return UnitFault.Parse(f);
                }
                catch (FormatException e)
                {
                    throw new UsageException($"--fault: {e.Message}");
                }
            }).ToArray();
            // Ctrl+C and SIGTERM (a service manager, `docker stop`) stop the units cleanly, each announcing itself
            // offline, before the process exits 130.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            return await Simulate(endpoint, result.GetValue(port), broker.SiteName(result), lines, result.GetValue(speed), parsedFaults,
                result.GetValue(duration), result.InvocationConfiguration.Output, stop.Token);

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        });
        return new Command("plant", "The plant side: simulated units behind MQTT") { simulate };
    }

    private static async Task<int> Simulate(BrokerEndpoint? endpoint, int port, string site, int lines, double speed, UnitFault[] faults, double? seconds, TextWriter output, CancellationToken cancellationToken)
    {
        EmbeddedBroker? embedded = null;
        var interrupted = false;
        if (endpoint is null)
        {
            try
            {
                embedded = await EmbeddedBroker.StartAsync(port);
            }
            catch (IOException e)
            {
                throw new UsageException($"{e.Message}; is another broker running there? Choose another --port or pass --broker");
            }
            endpoint = embedded.Endpoint;
        }
        try
        {
            var options = new PlantSimulatorOptions { Site = site, Units = PlantSimulatorOptions.Lines(lines), Speed = speed, Faults = faults };
            PlantSimulator plant;
            try
            {
                plant = await PlantSimulator.StartAsync(endpoint, options, cancellationToken);
            }
            catch (Exception e) when (e is PlantLinkException or ArgumentException)
            {
                throw new UsageException(e.Message);
            }
            await using (plant)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Simulating {options.Units.Count} units ({Summary(options)}) of site '{site}' on {endpoint}{(embedded is null ? "" : " (embedded broker)")}, {speed:0.###}× plant time."));
                foreach (var fault in faults)
                {
                    output.WriteLine($"Fault planned: {fault.Unit} {fault.Kind} at {QuantityFormatTime(fault.At)} plant time.");
                }
                output.WriteLine(seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"Stopping after {s:0.###} s.") : "Ctrl+C stops.");
                try
                {
                    await Task.Delay(seconds is { } wall ? TimeSpan.FromSeconds(wall) : Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: stop cleanly, the units announce themselves offline.
                    interrupted = true;
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped after {plant.PlantTime.TotalHours:0.##} h of plant time."));
            }
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }
        }
        return interrupted ? ExitCodes.Interrupted : ExitCodes.Clean;
    }

    private static string Summary(PlantSimulatorOptions options) =>
        options.Units.Count <= 10 ? string.Join(", ", options.Units.Select(u => u.Id)) : $"{options.Units[0].Id} … {options.Units[^1].Id}";

    private static string QuantityFormatTime(TimeSpan time) => RecipeLang.Runtime.QuantityFormat.Format(time);
}
