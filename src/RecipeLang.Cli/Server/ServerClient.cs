using System.Net.Sockets;

namespace RecipeLang.Cli.Server;

/// <summary>
/// The client half of <c>recipelang</c>: hands a front-end command to this build's command server when one runs,
/// so the command starts in a warm process instead of loading and compiling the checker anew. Kept free of the
/// command-line parser and the checker: this is all a served command loads in its own process.
/// </summary>
public static class ServerClient
{
    /// <summary><c>off</c>: never use the server; <c>auto</c> (default): use it, and start it when none runs, except in CI.</summary>
    public const string ModeVariable = "RECIPELANG_SERVER";

    /// <summary>Commands that only read recipes and write files or text: the ones worth serving.</summary>
    private static readonly string[] Served = ["check", "lint", "fmt", "explain"];

    /// <summary>
    /// Runs <paramref name="args"/> on this build's server and returns the exit code; null when the command is not
    /// served here (not a served command, reads standard input, the server is off, none runs), for the caller
    /// to run it in process. <paramref name="startServer"/> says whether the caller should then start a server for
    /// the next command: after its own, so that the server's start does not compete with it for the CPU.
    /// </summary>
    public static int? TryRun(string[] args, out bool startServer)
    {
        startServer = false;
        if (!IsServed(args) || IsOff())
        {
            return null;
        }
        if (ServerEndpoint.ForThisBuild() is not { } endpoint)
        {
            return null;
        }
        using var output = Console.OpenStandardOutput();
        using var error = Console.OpenStandardError();
        var code = Run(endpoint, args, Environment.CurrentDirectory, output, error);
        startServer = code is null && !InCi();
        return code;
    }

    /// <summary>
    /// Whether the server may run <paramref name="args"/> for this process: a served command that reads no standard
    /// input and names no file of this process's own (<c>/dev/fd/63</c> from a shell's <c>&lt;(...)</c>,
    /// <c>/dev/stdout</c>, <c>/proc/self/...</c>), which the server would open as its own.
    /// </summary>
    public static bool IsServed(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || Array.IndexOf(Served, args[0]) < 0)
        {
            return false;
        }
        // Loops, not LINQ: System.Linq is one more assembly to load before the answer.
        foreach (var arg in args)
        {
            if (arg == "--stdin" || arg.Contains("/dev/", StringComparison.Ordinal) || arg.Contains("/proc/", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Sends one command to the server at <paramref name="endpoint"/> and copies its output as it comes; null when
    /// no server answers or it declines before writing anything.
    /// </summary>
    public static int? Run(ServerEndpoint endpoint, IReadOnlyList<string> args, string workingDirectory, Stream output, Stream error) =>
        Exchange(endpoint, writer => ServerProtocol.WriteRun(writer, workingDirectory, args), output, error);

    /// <summary>A status or stop request; null when no server answers.</summary>
    public static int? Send(ServerEndpoint endpoint, ServerProtocol.Request request, Stream output, Stream error) =>
        Exchange(endpoint, writer => ServerProtocol.WriteRequest(writer, request), output, error);

    private static int? Exchange(ServerEndpoint endpoint, Action<BinaryWriter> request, Stream output, Stream error)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(endpoint.SocketPath));
        }
        catch (SocketException)
        {
            return null;
        }
        using var stream = new NetworkStream(socket);
        var written = false;
        try
        {
            request(new BinaryWriter(stream));
            var reader = new BinaryReader(stream);
            while (true)
            {
                var frame = (ServerProtocol.Frame)reader.ReadByte();
                switch (frame)
                {
                    case ServerProtocol.Frame.Output or ServerProtocol.Frame.Error:
                        var length = reader.ReadInt32();
                        if (length < 0)
                        {
                            throw new InvalidDataException($"a frame of {length} bytes");
                        }
                        var bytes = reader.ReadBytes(length);
                        var target = frame == ServerProtocol.Frame.Output ? output : error;
                        target.Write(bytes);
                        target.Flush();
                        written = true;
                        break;
                    case ServerProtocol.Frame.Exit:
                        return reader.ReadInt32();
                    case ServerProtocol.Frame.Declined when !written:
                        return null;
                    default:
                        throw new EndOfStreamException();
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
        {
            if (!written)
            {
                return null;
            }
            // Half the output is out: running the command again would repeat it.
            error.Write(ServerProtocol.Text.GetBytes($"recipelang: the command server stopped before the command finished; run it again, or with {ModeVariable}=off to run it in this process\n"));
            return Commands.ExitCodes.InternalError;
        }
    }

    private static bool IsOff() => Environment.GetEnvironmentVariable(ModeVariable) is { } mode
        && (mode.Equals("off", StringComparison.OrdinalIgnoreCase) || mode == "0" || mode.Equals("false", StringComparison.OrdinalIgnoreCase));

    /// <summary>A CI job runs once on a fresh machine: a server left behind would outlive the job for nothing.</summary>
    private static bool InCi() => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci
        && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0";
}
