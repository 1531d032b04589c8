using BenchmarkDotNet.Running;
using RecipeLang.Bench;

// "lsp-latency" drives the real language server process; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "lsp-latency")
{
    await LspLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200, args.Length > 2 ? args[2] : null);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
