using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RecipeLang.Bench;

/// <summary>
/// What an editor waits for after a keystroke, measured on the real <c>recipelang lsp</c> process: each
/// incremental didChange is sent, then the matching version's publishDiagnostics awaited. Documents of 500 and
/// 5,000 lines, and one of 5 MB (edits, then a code action over the whole document, then the server's RSS).
/// Run: <c>dotnet run -c Release --project bench/RecipeLang.Bench -- lsp-latency [edits] [baseline recipelang.dll]</c>;
/// with a baseline (another build of the CLI) the same runs are made against it too, interleaved. The first
/// <see cref="WarmUpEdits"/> edits after opening a document are timed apart (the server's JIT compiles the incremental
/// path then), as BenchmarkDotNet separates warm-up from measured runs; both are printed. The server runs with tiered
/// compilation off, as the VS Code extension starts it; <c>--tiered</c> keeps the runtime's default instead.
/// </summary>
public static class LspLatency
{
    private const int WarmUpEdits = 20;

    // What the server holds once the user stops typing, beside what it holds right after the last answer.
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(int edits, string? baseline, bool largeOnly, bool tiered)
    {
        Console.WriteLine(tiered ? "server: the runtime's tiered compilation (--tiered)" : "server: DOTNET_TieredCompilation=0, as the VS Code extension starts it");
        var servers = new List<(string Name, string Dll)> { ("this build", Path.Combine(AppContext.BaseDirectory, "recipelang.dll")) };
        if (baseline is not null)
        {
            servers.Add(("baseline", Path.GetFullPath(baseline)));
        }
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        foreach (var lines in largeOnly ? [] : new[] { 500, 5000 })
        {
            var text = Document(lines / 4);
            foreach (var moves in new[] { false, true })
            {
                Console.WriteLine(moves
                    ? $"\n{lines:N0}-line document ({text.Length / 1024} KB), {edits} edits inserting or deleting a space in the first recipe (all text after it moves): didChange → publishDiagnostics"
                    : $"\n{lines:N0}-line document ({text.Length / 1024} KB), {edits} edits of the first recipe's temperature: didChange → publishDiagnostics");
                foreach (var (name, dll) in servers)
                {
                    await using var server = await Server.StartAsync(dll, tiered);
                    var warmUp = await server.EditsAsync(text, WarmUpEdits, moves: moves);
                    var times = await server.MoreEditsAsync(WarmUpEdits + 2, edits, moves);
                    Console.WriteLine($"  {name,-11} {Summary(times)}; server CPU {server.CpuPerEdit:0.0} ms per edit; warm-up: first edit {warmUp[0]:0.0} ms, max of the first {WarmUpEdits} {warmUp.Max():0.0} ms");
                }
            }
        }
        var large5Mb = Document(5 * 1024 * 1024 / 78);
        Console.WriteLine($"\n5 MB document ({large5Mb.Length / 1024 / 1024.0:0.0} MB, {large5Mb.Count(c => c == '\n'):N0} lines), 10 edits, then a whole-document code action");
        // Once with the default size limit (the document gets one diagnostic), once with the limit raised so that
        // it is analysed. The baseline is not run: its code action on this document takes minutes.
        foreach (var limit in new int?[] { null, 16 * 1024 * 1024 })
        {
            await using var server = await Server.StartAsync(servers[0].Dll, tiered, limit);
            var open = Stopwatch.StartNew();
            var times = await server.EditsAsync(large5Mb, 10, () => open.Stop());
            var inOrder = string.Join(" ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)));
            var action = await server.CodeActionAsync(large5Mb);
            var label = limit is null ? "default limit (1 MiB)" : "limit raised to 16 MiB";
            var rss = server.RssMegabytes();
            await Task.Delay(IdleWait);
            Console.WriteLine($"  {label,-23} open {open.Elapsed.TotalMilliseconds:0} ms; edits {Summary(times)}, server CPU {server.CpuPerEdit:0.0} ms per edit; code action {action:0.0} ms; RSS {rss:0} MB, {server.RssMegabytes():0} MB after {IdleWait.TotalSeconds:0} s idle (peak {server.PeakRssMegabytes():0} MB)");
            Console.WriteLine($"  {"",-23} the edits in order: {inOrder} ms");
        }
    }

    /// <summary>Recipes of four lines each; the edits change the first recipe's temperature.</summary>
    private static string Document(int recipes)
    {
        var document = new StringBuilder();
        for (var i = 0; i < recipes; i++)
        {
            document.Append(CultureInfo.InvariantCulture, $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
        }
        return document.ToString();
    }

    private static string Summary(List<double> times)
    {
        times.Sort();
        return $"p50 {Percentile(times, 0.50):0.0} ms, p90 {Percentile(times, 0.90):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms, max {times[^1]:0.0} ms";
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    /// <summary>Just enough of an LSP client: framed writes, and reading until a version's diagnostics or a response arrive.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private const string Uri = "file:///bench/large.recipe";
        private readonly Process _process;
        private readonly Stream _output;
        private byte[] _buffer = new byte[1 << 20];
        private int _filled;

        private Server(Process process)
        {
            _process = process;
            _output = process.StandardOutput.BaseStream;
        }

        public static async Task<Server> StartAsync(string dll, bool tiered, int? maxDocumentLength = null)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (!tiered)
            {
                start.Environment["DOTNET_TieredCompilation"] = "0";
            }
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("lsp");
            var server = new Server(Process.Start(start)!);
            server._process.ErrorDataReceived += (_, _) => { };
            server._process.BeginErrorReadLine();
            // debounceMs is the baseline's option (its default was 100 ms); this build reads diagnosticsDelayMs (default 0).
            var options = new JsonObject { ["debounceMs"] = 0 };
            if (maxDocumentLength is { } limit)
            {
                options["maxDocumentLength"] = limit;
            }
            await server.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["capabilities"] = new JsonObject(), ["initializationOptions"] = options } });
            await server.ResponseAsync(1);
            await server.SendAsync("initialized", new JsonObject());
            return server;
        }

        /// <summary>Opens the document, waits for its diagnostics, then times each edit until its diagnostics arrive.</summary>
        /// <param name="moves">Insert and delete a space before the first step instead of replacing the temperature: every offset after it moves.</param>
        public async Task<List<double>> EditsAsync(string text, int edits, Action? opened = null, bool moves = false)
        {
            await SendAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "recipelang", ["version"] = 1, ["text"] = text } });
            await DiagnosticsAsync(1);
            opened?.Invoke();
            return await MoreEditsAsync(2, edits, moves);
        }

        /// <summary>Edits from a version on, each awaited until its diagnostics arrive: the time of each.</summary>
        public async Task<List<double>> MoreEditsAsync(int firstVersion, int edits, bool moves)
        {
            _process.Refresh();
            var cpu = _process.TotalProcessorTime;
            var times = new List<double>();
            for (var version = firstVersion; version < firstVersion + edits; version++)
            {
                var clock = Stopwatch.StartNew();
                await SendAsync("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
                    ["contentChanges"] = new JsonArray(moves
                        ? new JsonObject
                        {
                            ["range"] = new JsonObject { ["start"] = Position(1, 0), ["end"] = Position(1, version % 2 == 0 ? 0 : 1) },
                            ["text"] = version % 2 == 0 ? " " : "",
                        }
                        : new JsonObject
                        {
                            ["range"] = new JsonObject { ["start"] = Position(1, 23), ["end"] = Position(1, 26) },
                            ["text"] = (150 + version % 50).ToString(CultureInfo.InvariantCulture),
                        }),
                });
                await DiagnosticsAsync(version);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            _process.Refresh();
            CpuPerEdit = (_process.TotalProcessorTime - cpu).TotalMilliseconds / edits;
            return times;
        }

        public async Task<double> CodeActionAsync(string text)
        {
            var lines = text.Count(c => c == '\n');
            var clock = Stopwatch.StartNew();
            await WriteAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "textDocument/codeAction",
                ["params"] = new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = Uri },
                    ["range"] = new JsonObject { ["start"] = Position(0, 0), ["end"] = Position(lines, 0) },
                    ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
                },
            });
            await ResponseAsync(2);
            return clock.Elapsed.TotalMilliseconds;
        }

        /// <summary>CPU time the server spent per edit (all its threads, GC included): less sensitive than wall time to a loaded machine.</summary>
        public double CpuPerEdit { get; private set; }

        public double RssMegabytes() => Status("VmRSS:");

        public double PeakRssMegabytes() => Status("VmHWM:");

        /// <summary>A memory figure of the server process from /proc (Linux), in MB.</summary>
        private double Status(string field)
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }

        public Task SendAsync(string method, JsonObject parameters) =>
            WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        private async Task DiagnosticsAsync(int version)
        {
            while (true)
            {
                var message = await ReadAsync();
                if ((string?)message["method"] == "textDocument/publishDiagnostics" && (int?)message["params"]!["version"] == version)
                {
                    return;
                }
            }
        }

        private async Task ResponseAsync(int id)
        {
            while ((int?)(await ReadAsync())["id"] != id)
            {
            }
        }

        private async Task WriteAsync(JsonObject message)
        {
            var body = Encoding.UTF8.GetBytes(message.ToJsonString());
            var input = _process.StandardInput.BaseStream;
            await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await input.WriteAsync(body);
            await input.FlushAsync();
        }

        private async Task<JsonNode> ReadAsync()
        {
            while (true)
            {
                var text = Encoding.ASCII.GetString(_buffer, 0, Math.Min(_filled, 64));
                var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headerEnd > 0)
                {
                    var length = int.Parse(text[..headerEnd].Split(':')[1].Trim(), CultureInfo.InvariantCulture);
                    var start = headerEnd + 4;
                    if (_buffer.Length < start + length)
                    {
                        Array.Resize(ref _buffer, (start + length) * 2);
                    }
                    if (_filled >= start + length)
                    {
                        var node = JsonNode.Parse(_buffer.AsSpan(start, length))!;
                        Buffer.BlockCopy(_buffer, start + length, _buffer, 0, _filled - start - length);
                        _filled -= start + length;
                        return node;
                    }
                }
                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
                var read = await _output.ReadAsync(_buffer.AsMemory(_filled));
                if (read == 0)
                {
                    throw new InvalidOperationException("the server closed its output");
                }
                _filled += read;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 99, ["method"] = "shutdown" });
            await SendAsync("exit", new JsonObject());
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            _process.Dispose();
        }
    }
}
