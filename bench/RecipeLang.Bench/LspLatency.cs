using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace RecipeLang.Bench;

/// <summary>
/// didChange → publishDiagnostics latency of the real <c>recipelang lsp</c> process on a 5,000-line document:
/// each edit is sent, then the matching version's diagnostics are awaited, so the figure is what an editor waits
/// for after a keystroke. Measured with the server's default debounce (100 ms) and with none (the analysis alone).
/// Run: <c>dotnet run -c Release --project bench/RecipeLang.Bench -- lsp-latency [edits]</c>.
/// </summary>
public static class LspLatency
{
    public static async Task RunAsync(int edits)
    {
        var document = new StringBuilder();
        for (var i = 0; i < 1250; i++)
        {
            document.Append($"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
        }
        Console.WriteLine($"document: {document.ToString().Split('\n').Length - 1} lines, {document.Length / 1024} KB; {edits} edits per run");
        foreach (var debounce in new int?[] { null, 0 })
        {
            var times = await MeasureAsync(document.ToString(), edits, debounce);
            times.Sort();
            Console.WriteLine($"debounce {(debounce is null ? "default (100 ms)" : $"{debounce} ms")}: p50 {Percentile(times, 0.50):0.0} ms, p99 {Percentile(times, 0.99):0.0} ms, max {times[^1]:0.0} ms");
        }
    }

    private static async Task<List<double>> MeasureAsync(string text, int edits, int? debounce)
    {
        await using var server = await Server.StartAsync(debounce);
        const string uri = "file:///bench/large.recipe";
        await server.SendAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "recipelang", ["version"] = 1, ["text"] = text } });
        await server.WaitForVersionAsync(1);
        var times = new List<double>();
        for (var version = 2; version < edits + 2; version++)
        {
            var clock = Stopwatch.StartNew();
            await server.SendAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = Position(1, 23), ["end"] = Position(1, 26) },
                    ["text"] = (150 + version % 50).ToString(System.Globalization.CultureInfo.InvariantCulture),
                }),
            });
            await server.WaitForVersionAsync(version);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Just enough of an LSP client: framed writes, and reading until a version's diagnostics arrive.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Stream _output;
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _filled;

        private Server(Process process)
        {
            _process = process;
            _output = process.StandardOutput.BaseStream;
        }

        public static async Task<Server> StartAsync(int? debounce)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "recipelang.dll"));
            start.ArgumentList.Add("lsp");
            var server = new Server(Process.Start(start)!);
            server._process.ErrorDataReceived += (_, _) => { };
            server._process.BeginErrorReadLine();
            var options = debounce is null ? new JsonObject() : new JsonObject { ["debounceMs"] = debounce };
            await server.WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = new JsonObject { ["capabilities"] = new JsonObject(), ["initializationOptions"] = options } });
            while ((int?)(await server.ReadAsync())["id"] != 1)
            {
            }
            await server.SendAsync("initialized", new JsonObject());
            return server;
        }

        public Task SendAsync(string method, JsonObject parameters) =>
            WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        public async Task WaitForVersionAsync(int version)
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
                    var length = int.Parse(text[..headerEnd].Split(':')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    var start = headerEnd + 4;
                    if (_filled >= start + length)
                    {
                        var node = JsonNode.Parse(_buffer.AsSpan(start, length))!;
                        Buffer.BlockCopy(_buffer, start + length, _buffer, 0, _filled - start - length);
                        _filled -= start + length;
                        return node;
                    }
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
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
        }
    }
}
