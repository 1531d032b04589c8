using BenchmarkDotNet.Running;
using RecipeLang.Bench;

// "lsp-latency" drives the real language server process; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "lsp-latency")
{
    var largeOnly = args.Contains("--large-only");
    var tiered = args.Contains("--tiered");
    var positional = args.Skip(1).Where(a => a is not ("--large-only" or "--tiered")).ToArray();
    await LspLatency.RunAsync(positional.Length > 0 ? int.Parse(positional[0], System.Globalization.CultureInfo.InvariantCulture) : 200, positional.Length > 1 ? positional[1] : null, largeOnly, tiered);
    return 0;
}
// "lsp-profile" times each stage of an edit's analysis in process (docs/benchmarks.md, "LSP latency").
if (args.Length > 0 && args[0] == "lsp-profile")
{
    LspProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return 0;
}
// "mqtt-scale" drives simulated units over an embedded broker (docs/benchmarks.md, "A plant over MQTT").
if (args.Length > 0 && args[0] == "mqtt-scale")
{
    int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    await MqttScale.RunAsync(Arg(1, 100), Arg(2, 20), Arg(3, 1000));
    return 0;
}
// "targets" measures every target row of issue 12 beside its baseline and rewrites docs/benchmarks.md (bench/run.sh).
if (args.Length > 0 && args[0] == "targets")
{
    return RecipeLang.Bench.Targets.TargetRun.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
