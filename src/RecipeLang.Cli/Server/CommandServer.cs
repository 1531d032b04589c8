using System.Globalization;
using System.Net.Sockets;
using RecipeLang.Cli.Hosting;

namespace RecipeLang.Cli.Server;

/// <summary>
/// Serves <c>check</c>, <c>lint</c>, <c>fmt</c> and <c>explain</c> to <see cref="ServerClient"/>s from one warm process,
/// as the C# compiler server does for <c>csc</c>. Each command runs exactly as in its own process — files are read
/// afresh, nothing is cached between commands — one at a time, because a command reads the process's working
/// folder. The server exits after an idle timeout, on a stop request or on SIGTERM, and removes its socket.
/// </summary>
public sealed class CommandServer : IDisposable
{
    private static readonly TimeSpan RequestReadTimeout = TimeSpan.FromSeconds(5);

    private readonly ServerEndpoint endpoint;
    private readonly FileStream lockFile;
    private readonly Socket listener;
    private readonly TimeSpan idleTimeout;
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly DateTime started = DateTime.UtcNow;
    private int active;
    private int served;

    private CommandServer(ServerEndpoint endpoint, FileStream lockFile, Socket listener, TimeSpan idleTimeout)
    {
        this.endpoint = endpoint;
        this.lockFile = lockFile;
        this.listener = listener;
        this.idleTimeout = idleTimeout;
    }

    /// <summary>
    /// Takes the endpoint's lock and listens on its socket; null when another server holds the lock (it runs, or is
    /// starting).
    /// </summary>
    public static CommandServer? TryListen(ServerEndpoint endpoint, TimeSpan idleTimeout)
    {
        FileStream lockFile;
        try
        {
            // FileShare.None takes an advisory lock (flock) that the kernel drops when the process dies.
            lockFile = new FileStream(endpoint.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            // A socket file left by a server that was killed: the lock says nobody listens on it.
            File.Delete(endpoint.SocketPath);
            listener.Bind(new UnixDomainSocketEndPoint(endpoint.SocketPath));
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            lockFile.Dispose();
            throw;
        }
        return new CommandServer(endpoint, lockFile, listener, idleTimeout);
    }

    /// <summary>Asks the accept loop to end; a command that runs finishes first.</summary>
    public void Stop() => stopping.Cancel();

    /// <summary>Serves until <see cref="Stop"/>, a stop request or <see cref="idleTimeout"/> without a request.</summary>
    public async Task RunAsync()
    {
        var connections = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            idle.CancelAfter(idleTimeout);
            Socket client;
            try
            {
                client = await listener.AcceptAsync(idle.Token);
            }
            catch (OperationCanceledException)
            {
                if (Volatile.Read(ref active) > 0 && !stopping.IsCancellationRequested)
                {
                    continue;
                }
                break;
            }
            connections.RemoveAll(c => c.IsCompleted);
            connections.Add(Task.Run(() => ServeAsync(client)));
        }
        // New clients find no socket and run their command themselves while the last ones are answered.
        CloseSocket();
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket client)
    {
        Interlocked.Increment(ref active);
        try
        {
            using (client)
            await using (var stream = new NetworkStream(client))
            {
                client.ReceiveTimeout = (int)RequestReadTimeout.TotalMilliseconds;
                var reader = new BinaryReader(stream);
                if (reader.ReadInt32() != ServerProtocol.Magic)
                {
                    return;
                }
                var sink = new FrameSink(stream);
                switch ((ServerProtocol.Request)reader.ReadByte())
                {
                    case ServerProtocol.Request.Run:
                        var workingDirectory = reader.ReadString();
                        var count = reader.ReadInt32();
                        if (count is < 0 or > 100_000)
                        {
                            return;
                        }
                        var args = new string[count];
                        for (var i = 0; i < count; i++)
                        {
                            args[i] = reader.ReadString();
                        }
                        client.ReceiveTimeout = 0;
                        await RunCommandAsync(workingDirectory, args, sink);
                        break;
                    case ServerProtocol.Request.Status:
                        sink.Send(ServerProtocol.Frame.Output, ServerProtocol.Text.GetBytes(Status()));
                        sink.Exit(0);
                        break;
                    case ServerProtocol.Request.Stop:
                        sink.Send(ServerProtocol.Frame.Output, ServerProtocol.Text.GetBytes($"recipelang server: stopped (pid {Environment.ProcessId})\n"));
                        sink.Exit(0);
                        Stop();
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or FormatException or ObjectDisposedException)
        {
            // A client that sent half a request or went away: nothing to answer.
        }
        catch (Exception e)
        {
            // Nothing a client sends ends the server; the trace goes where a command's would.
            CrashLog.Write(["server", "run"], e);
        }
        finally
        {
            Interlocked.Decrement(ref active);
        }
    }

    private async Task RunCommandAsync(string workingDirectory, string[] args, FrameSink sink)
    {
        await oneAtATime.WaitAsync();
        try
        {
            try
            {
                Environment.CurrentDirectory = workingDirectory;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone, or not enterable by the server: the client runs the command and reports what it finds.
                sink.Decline();
                return;
            }
            using var output = new FrameWriter(sink, ServerProtocol.Frame.Output);
            using var error = new FrameWriter(sink, ServerProtocol.Frame.Error);
            var code = await CliApp.InvokeAsync(CliApp.CreateRoot(args.FirstOrDefault()), args, TextWriter.Synchronized(output), TextWriter.Synchronized(error), ownsProcess: false);
            output.Flush();
            error.Flush();
            sink.Exit(code);
            Interlocked.Increment(ref served);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private string Status()
    {
        var served = Volatile.Read(ref this.served);
        return string.Create(CultureInfo.InvariantCulture,
            $"recipelang server: running, pid {Environment.ProcessId}, socket {endpoint.SocketPath}, up {(DateTime.UtcNow - started).TotalMinutes:0.#} min, {served} {(served == 1 ? "command" : "commands")} served, exits after {idleTimeout.TotalMinutes:0.#} min without one\n");
    }

    private void CloseSocket()
    {
        listener.Dispose();
        try
        {
            File.Delete(endpoint.SocketPath);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        CloseSocket();
        lockFile.Dispose();
        stopping.Dispose();
        oneAtATime.Dispose();
    }
}
