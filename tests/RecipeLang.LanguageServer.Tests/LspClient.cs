using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.IO.Abstractions;
using System.IO.Pipelines;
using RecipeLang.LanguageServer.Hosting;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Tests;

/// <summary>
/// A minimal LSP client: Content-Length framing, requests with ids, notifications collected for waiting. It speaks
/// either to the real <c>recipelang lsp</c> process over its pipes (<see cref="Start"/>) or to the same host run in
/// this process over in-memory pipes (<see cref="StartInProcess"/>: the same bytes, no process start). Every wait
/// is bounded so a hang fails the test.
/// </summary>
public sealed class LspClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Process? _process;
    private readonly Task<int>? _host;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly List<JsonNode> _notifications = [];
    private readonly List<JsonNode> _history = [];
    private readonly SemaphoreSlim _notified = new(0);
    private readonly SemaphoreSlim _writeLock = new(1);
    private readonly StringBuilder _stderr = new();
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _ = Task.Run(ReadLoopAsync);
        process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
    }

    private LspClient(Func<Stream, Stream, TextWriter, Task<int>> host)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        _input = toServer.Writer.AsStream();
        _output = toClient.Reader.AsStream();
        var log = new StringWriter(_stderr);
        _host = Task.Run(async () =>
        {
            var code = await host(toServer.Reader.AsStream(), toClient.Writer.AsStream(), TextWriter.Synchronized(log));
            await toClient.Writer.CompleteAsync();
            return code;
        });
        _ = Task.Run(ReadLoopAsync);
    }

    public string ServerLog { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process?.HasExited ?? _host!.IsCompleted;

    public int ExitCode => _process?.ExitCode ?? _host!.Result;

    /// <summary>The language server host in this process over in-memory pipes, on the real file system.</summary>
    public static LspClient StartInProcess() =>
        new((input, output, log) => LanguageServerHost.RunAsync(input, output, LanguageServerHost.CreateWorkspace(new FileSystem()), log));

    public static async Task<LspClient> StartInProcessInitializedAsync(string? rootUri = null)
    {
        var client = StartInProcess();
        await client.InitializeAsync(rootUri);
        return client;
    }

    private async Task InitializeAsync(string? rootUri)
    {
        await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["ruleDocsUri"] = "vscode://recipelang.recipelang/explain?code={code}" },
        });
        await NotifyAsync("initialized", new JsonObject());
    }

    public static LspClient Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "recipelang.dll"));
        start.ArgumentList.Add("lsp");
        return new LspClient(Process.Start(start)!);
    }

    public static async Task<LspClient> StartInitializedAsync(string? rootUri = null)
    {
        var client = Start();
        await client.InitializeAsync(rootUri);
        return client;
    }

    public async Task<JsonNode> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await completion.Task.WaitAsync(Timeout);
    }

    /// <summary>The result of a request; fails the test with the server's error if there is one.</summary>
    public async Task<JsonNode?> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        Assert.That(response["error"], Is.Null, () => $"{method} failed: {response["error"]?.ToJsonString()}");
        return response["result"];
    }

    /// <summary>Frames a request without sending it, to send several messages in one write; the task completes with its response.</summary>
    public (int Id, byte[] Frame, Task<JsonNode> Response) PrepareRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        var frame = Frame(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        return (id, frame, completion.Task.WaitAsync(Timeout));
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendAsync(JsonNode message) => SendRawAsync(Frame(message.ToJsonString()));

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _input.WriteAsync(bytes);
            await _input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Waits for a notification that matches; earlier ones stay available to later waits.</summary>
    public async Task<JsonNode> WaitForNotificationAsync(string method, Func<JsonNode, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            lock (_notifications)
            {
                var found = _notifications.FirstOrDefault(n => (string?)n["method"] == method && (match?.Invoke(n["params"]!) ?? true));
                if (found is not null)
                {
                    _notifications.Remove(found);
                    return found["params"]!;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _notified.WaitAsync(left))
            {
                Assert.Fail($"no {method} notification within the time limit; server log:\n{ServerLog}");
            }
        }
    }

    /// <summary>Waits for an error response to no request of the client (the id it names, or null): what malformed input gets.</summary>
    public async Task<JsonNode> WaitForErrorAsync(int code)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_notifications)
            {
                var found = _notifications.FirstOrDefault(n => n["error"] is { } error && (int?)error["code"] == code);
                if (found is not null)
                {
                    _notifications.Remove(found);
                    return found;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _notified.WaitAsync(left))
            {
                Assert.Fail($"no {code} error within the time limit; server log:\n{ServerLog}");
            }
        }
    }

    /// <summary>The parameters of the most recent notification of a method, in arrival order.</summary>
    public JsonNode? LastReceived(string method)
    {
        lock (_notifications)
        {
            return _history.LastOrDefault(n => (string?)n["method"] == method)?["params"];
        }
    }

    /// <summary>The most recent whole message of a method (a request of the server, with its id).</summary>
    public JsonNode? LastReceivedMessage(string method)
    {
        lock (_notifications)
        {
            return _history.LastOrDefault(n => (string?)n["method"] == method);
        }
    }

    public void ClearNotifications()
    {
        lock (_notifications)
        {
            _notifications.Clear();
        }
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public static JsonObject Document(string uri) => new() { ["uri"] = uri };

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject At(string uri, int line, int character) => new() { ["textDocument"] = Document(uri), ["position"] = Position(line, character) };

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "recipelang", ["version"] = version, ["text"] = text } });

    private async Task ReadLoopAsync()
    {
        var stream = _output;
        var buffer = new List<byte>();
        var chunk = new byte[65536];
        while (true)
        {
            int read;
            try
            {
                read = await stream.ReadAsync(chunk);
            }
            catch (Exception)
            {
                break;
            }
            if (read == 0)
            {
                break;
            }
            buffer.AddRange(chunk.AsSpan(0, read));
            while (TryTakeMessage(buffer, out var json))
            {
                var message = JsonNode.Parse(json)!;
                if (message["id"] is { } id && message["method"] is null && id.GetValueKind() == JsonValueKind.Number && _pending.TryRemove((int)id, out var completion))
                {
                    completion.TrySetResult(message);
                }
                else
                {
                    lock (_notifications)
                    {
                        _notifications.Add(message);
                        _history.Add(message);
                    }
                    _notified.Release();
                }
            }
        }
    }

    private static bool TryTakeMessage(List<byte> buffer, out string json)
    {
        json = "";
        var text = Encoding.ASCII.GetString(buffer.ToArray(), 0, Math.Min(buffer.Count, 256));
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            return false;
        }
        var length = int.Parse(text[..headerEnd].Split(':')[1].Trim());
        var start = headerEnd + 4;
        if (buffer.Count < start + length)
        {
            return false;
        }
        json = Encoding.UTF8.GetString(buffer.GetRange(start, length).ToArray());
        buffer.RemoveRange(0, start + length);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            if (!_host!.IsCompleted)
            {
                await RequestAsync("shutdown", null).WaitAsync(TimeSpan.FromSeconds(5));
                await NotifyAsync("exit", null);
                await _host.WaitAsync(TimeSpan.FromSeconds(5));
            }
            return;
        }
        if (!_process.HasExited)
        {
            try
            {
                await RequestAsync("shutdown", null).WaitAsync(TimeSpan.FromSeconds(5));
                await NotifyAsync("exit", null);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
    }
}
