using System.CommandLine;
using RecipeLang.Cli.Input;
using System.Runtime.InteropServices;
using RecipeLang.Cli.Server;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang server start|stop|status|run</c>: the background process that answers <c>check</c>, <c>lint</c>,
/// <c>fmt</c> and <c>explain</c> warm. Commands start it themselves when none runs (not in CI, not with
/// RECIPELANG_SERVER=off); these subcommands are for scripts and for a look at it.
/// </summary>
public static class ServerCommand
{
    public static Command Create()
    {
        var idle = new Option<double>("--idle-timeout") { Description = "Minutes without a command before the server exits: above 0 (fractions too), at most a week", DefaultValueFactory = _ => ServerProcess.DefaultIdleMinutes };
        var detached = new Option<bool>("--detached") { Description = "Ignore the terminal's SIGINT and SIGHUP (how commands start it)", Hidden = true };

        var run = new Command("run", "Run the server in this process until it is idle, stopped, or interrupted") { idle, detached };
        run.SetAction(async result =>
        {
            var endpoint = Endpoint();
            using var server = CommandServer.TryListen(endpoint, TimeSpan.FromMinutes(Minutes(result, idle)));
            if (server is null)
            {
                result.InvocationConfiguration.Output.WriteLine($"recipelang server: already running on {endpoint.SocketPath}");
                return ExitCodes.Clean;
            }
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; server.Stop(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; if (!result.GetValue(detached)) server.Stop(); });
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => { context.Cancel = true; if (!result.GetValue(detached)) server.Stop(); });
            // Clients that come meanwhile wait in the socket's backlog.
            await ServerWarmUp.RunAsync();
            if (!result.GetValue(detached))
            {
                result.InvocationConfiguration.Output.WriteLine($"recipelang server: listening on {endpoint.SocketPath} (pid {Environment.ProcessId}); Ctrl+C stops it");
            }
            await server.RunAsync();
            return ExitCodes.Clean;
        });

        var start = new Command("start", "Start the server in the background, unless it runs") { idle };
        start.SetAction(result =>
        {
            var endpoint = Endpoint();
            var minutes = Minutes(result, idle);
            if (Ask(endpoint, ServerProtocol.Request.Status, result) is { } running)
            {
                return running;
            }
            if (!ServerProcess.StartDetached(minutes))
            {
                throw new UsageException("could not start the server process");
            }
            // It listens within a second on a warm machine; give a loaded one more.
            for (var waited = 0; waited < 20_000; waited += 50)
            {
                Thread.Sleep(50);
                if (Ask(endpoint, ServerProtocol.Request.Status, result) is { } started)
                {
                    return started;
                }
            }
            throw new UsageException($"the server did not answer on {endpoint.SocketPath} within 20 s");
        });

        var stop = new Command("stop", "Stop the running server (a command it runs finishes first)");
        stop.SetAction(result => Ask(Endpoint(), ServerProtocol.Request.Stop, result) ?? NotRunning(result, ExitCodes.Clean));

        var status = new Command("status", "Say whether the server runs, since when, and how many commands it served; exit 1 when it does not run");
        status.SetAction(result => Ask(Endpoint(), ServerProtocol.Request.Status, result) ?? NotRunning(result, ExitCodes.Errors));

        return new Command("server", "The background process that answers check, lint, fmt and explain without a cold start") { start, stop, status, run };
    }

    private static double Minutes(ParseResult result, Option<double> idle) => result.GetValue(idle) is var minutes and > 0 and <= 7 * 24 * 60
        ? minutes
        : throw new UsageException("--idle-timeout must be a number of minutes above 0, at most a week");

    private static ServerEndpoint Endpoint() => ServerEndpoint.ForThisBuild()
        ?? throw new UsageException("no command server on this system: it needs Unix sockets and a folder only this user can open ($XDG_RUNTIME_DIR or the temporary folder)");

    private static int? Ask(ServerEndpoint endpoint, ServerProtocol.Request request, ParseResult result)
    {
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var code = ServerClient.Send(endpoint, request, output, error);
        result.InvocationConfiguration.Output.Write(ServerProtocol.Text.GetString(output.ToArray()));
        result.InvocationConfiguration.Error.Write(ServerProtocol.Text.GetString(error.ToArray()));
        return code;
    }

    private static int NotRunning(ParseResult result, int exitCode)
    {
        result.InvocationConfiguration.Output.WriteLine("recipelang server: not running");
        return exitCode;
    }
}
