using BenchmarkDotNet.Running;
using RecipeLang.Bench;

// "lsp-latency" drives the real language server process; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "lsp-latency")
{
    await LspLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200, args.Length > 2 ? args[2] : null);
    return;
}
// "mqtt-scale" drives simulated units over an embedded broker (docs/benchmarks.md, "A plant over MQTT").
if (args.Length > 0 && args[0] == "mqtt-scale")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await MqttScale.RunAsync(Arg(1, 100), Arg(2, 20), Arg(3, 1000));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
