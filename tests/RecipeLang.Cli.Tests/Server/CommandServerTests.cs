using System.Net.Sockets;
using RecipeLang.Cli.Server;

namespace RecipeLang.Cli.Tests.Server;

/// <summary>
/// The command server and its client in this process, over a real Unix socket: a served command prints and exits
/// as the same command run in process, in the client's folder, and the server outlives clients that misbehave.
/// </summary>
[NonParallelizable]
public class CommandServerTests : ScratchFolderTest
{
    private const string Bad = "recipe r for NCM523 {\n  anneal 1200C N2 4h\n}\n";
    private const string Unformatted = "recipe   r for NCM523 {\n anneal 850C O2 4h\n}\n";

    private string savedDirectory = "";
    private ServerEndpoint endpoint = null!;
    private CommandServer? server;
    private Task running = Task.CompletedTask;

    [SetUp]
    public void StartServer()
    {
        if (OperatingSystem.IsWindows())
            Assert.Ignore("the command server needs Unix sockets");
        savedDirectory = Environment.CurrentDirectory;
        // A short path: a socket address holds about 100 bytes.
        endpoint = new ServerEndpoint(Path.Combine(Path.GetTempPath(), $"rl-test-{Guid.NewGuid():N}.sock"));
        server = CommandServer.TryListen(endpoint, TimeSpan.FromMinutes(1))!;
        running = server.RunAsync();
    }

    [TearDown]
    public void StopServer()
    {
        server?.Stop();
        Assert.That(running.Wait(TimeSpan.FromSeconds(30)), Is.True, "the server stops");
        server?.Dispose();
        File.Delete(endpoint.LockPath);
        Environment.CurrentDirectory = savedDirectory;
    }

    [TestCase("check", "bad.recipe")]
    [TestCase("check", "good.recipe", "bad.recipe")]
    [TestCase("lint", ".", "--format", "json")]
    [TestCase("fmt", "--check", ".")]
    [TestCase("explain", "RL3001")]
    [TestCase("explain", "RL9999")]
    [TestCase("check", "missing.recipe")]
    [TestCase("check", "--no-such-option")]
    public void A_served_command_prints_and_exits_as_in_process(params string[] args)
    {
        Write("bad.recipe", Bad);
        Write("good.recipe", Unformatted);

        var served = Served(Folder, args);
        Environment.CurrentDirectory = Folder;
        var inProcess = InProcessCli.Run(args);

        Assert.That(served, Is.EqualTo(inProcess));
    }

    [Test]
    public void A_served_fmt_writes_the_files_of_the_clients_folder()
    {
        var path = Write("good.recipe", Unformatted);

        var served = Served(Folder, "fmt", "good.recipe");

        Assert.That(served.ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(path), Does.StartWith("recipe r for NCM523 {\n  anneal 850C O2 4h"));
    }

    [Test]
    public void Each_command_runs_in_its_clients_folder()
    {
        Write("a/x.recipe", Bad);
        Write("b/x.recipe", "recipe r for NCM523 {\n  anneal 850C O2 4h\n}\n");

        var a = Served(Path.Combine(Folder, "a"), "check", "x.recipe");
        var b = Served(Path.Combine(Folder, "b"), "check", "x.recipe");

        Assert.That((a.ExitCode, b.ExitCode), Is.EqualTo((1, 0)));
        Assert.That(a.Output, Does.StartWith("x.recipe:2:"));
    }

    [Test]
    public void Clients_at_the_same_time_each_get_the_answer_for_their_own_folder()
    {
        var folders = Enumerable.Range(0, 8).Select(i =>
        {
            Write($"d{i}/x.recipe", $"recipe r{i} for NCM523 {{\n  anneal {1000 + i}C O2 4h\n}}\n");
            return Path.Combine(Folder, $"d{i}");
        }).ToList();

        // Threads of their own, as clients are processes of their own: blocked pool threads would starve the server.
        var answers = new CliRunner.Result[folders.Count];
        var clients = folders.Select((f, i) => new Thread(() => answers[i] = Served(f, "check", "x.recipe"))).ToList();
        clients.ForEach(c => c.Start());
        clients.ForEach(c => c.Join());

        for (var i = 0; i < folders.Count; i++)
        {
            Assert.That(answers[i].ExitCode, Is.EqualTo(1));
            Assert.That(answers[i].Output, Does.StartWith("x.recipe:2:").And.Contain($"to {1000 + i} °C"));
        }
    }

    [Test]
    public void Status_counts_the_commands_and_stop_ends_the_server_and_removes_its_socket()
    {
        Write("bad.recipe", Bad);
        Served(Folder, "check", "bad.recipe");

        var status = Ask(ServerProtocol.Request.Status);
        var stop = Ask(ServerProtocol.Request.Stop);

        Assert.That(status, Does.Contain($"pid {Environment.ProcessId}").And.Contain("1 command served"));
        Assert.That(stop, Does.Contain("stopped"));
        Assert.That(running.Wait(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(File.Exists(endpoint.SocketPath), Is.False);
        Assert.That(ServerClient.Send(endpoint, ServerProtocol.Request.Status, Stream.Null, Stream.Null), Is.Null, "nobody answers");
    }

    [Test]
    public void A_second_server_for_the_same_endpoint_does_not_start() =>
        Assert.That(CommandServer.TryListen(endpoint, TimeSpan.FromMinutes(1)), Is.Null);

    [Test]
    public void Garbage_and_half_requests_leave_the_server_serving()
    {
        Write("bad.recipe", Bad);
        using var silent = Connect();
        silent.Send(BitConverter.GetBytes(ServerProtocol.Magic));
        using (var garbage = Connect())
            garbage.Send(Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());
        using (var lying = Connect())
        {
            lying.Send([.. BitConverter.GetBytes(ServerProtocol.Magic), (byte)ServerProtocol.Request.Run, 3, (byte)'a', (byte)'b']);
        }

        var served = Served(Folder, "check", "bad.recipe");

        Assert.That(served.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_folder_that_is_gone_is_declined_and_the_client_runs_the_command_itself()
    {
        var gone = Path.Combine(Folder, "gone");

        var code = ServerClient.Run(endpoint, ["check", "x.recipe"], gone, Stream.Null, Stream.Null);

        Assert.That(code, Is.Null);
    }

    [Test]
    public void An_idle_server_exits_by_itself()
    {
        server!.Stop();
        running.Wait(TimeSpan.FromSeconds(30));
        server.Dispose();
        server = CommandServer.TryListen(endpoint, TimeSpan.FromMilliseconds(200))!;
        running = server.RunAsync();

        Assert.That(running.Wait(TimeSpan.FromSeconds(30)), Is.True);
    }

    [TestCase("start", "0")]
    [TestCase("run", "-5")]
    [TestCase("run", "100000")]
    public void An_idle_timeout_out_of_range_is_a_usage_error(string command, string minutes)
    {
        var result = InProcessCli.Run("server", command, "--idle-timeout", minutes);

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "recipelang: --idle-timeout must be a number of minutes above 0, at most a week")));
    }

    [Test]
    public void Without_a_server_the_client_declines()
    {
        var nobody = new ServerEndpoint(endpoint.SocketPath + ".none");

        Assert.That(ServerClient.Run(nobody, ["check", "x.recipe"], Folder, Stream.Null, Stream.Null), Is.Null);
    }

    [TestCase("compile", "x.recipe")]
    [TestCase("run", "x.recipe", "--simulate")]
    [TestCase("lsp")]
    [TestCase("server", "status")]
    [TestCase("lint", "--stdin")]
    [TestCase("check", "/dev/fd/63")]
    [TestCase("check", "/proc/self/fd/63")]
    [TestCase("lint", "lib", "-o", "/dev/stdout")]
    [TestCase("lint", "lib", "--output=/dev/stderr")]
    public void Commands_that_need_their_own_process_its_files_or_standard_input_are_not_served(params string[] args) =>
        Assert.That(ServerClient.IsServed(args), Is.False);

    [TestCase("check", "x.recipe")]
    [TestCase("lint", "lib", "--format", "sarif", "-o", "report.sarif")]
    [TestCase("fmt", "--check", "devices/x.recipe")]
    [TestCase("explain")]
    public void Front_end_commands_on_files_are_served(params string[] args) =>
        Assert.That(ServerClient.IsServed(args), Is.True);

    [Test]
    public void A_server_that_dies_after_writing_leaves_an_error_not_a_repeat()
    {
        var fake = new ServerEndpoint(endpoint.SocketPath + ".fake");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(fake.SocketPath));
        listener.Listen(1);
        var answer = Task.Run(() =>
        {
            using var client = listener.Accept();
            client.Send([(byte)ServerProtocol.Frame.Output, 3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'\n']);
        });
        var output = new MemoryStream();
        var error = new MemoryStream();

        var code = ServerClient.Run(fake, ["check", "x.recipe"], Folder, output, error);
        answer.Wait();
        File.Delete(fake.SocketPath);

        Assert.That(code, Is.EqualTo(70));
        Assert.That(ServerProtocol.Text.GetString(output.ToArray()), Is.EqualTo("ab\n"));
        Assert.That(ServerProtocol.Text.GetString(error.ToArray()), Does.Contain("the command server stopped before the command finished"));
    }

    private CliRunner.Result Served(string workingDirectory, params string[] args)
    {
        var output = new MemoryStream();
        var error = new MemoryStream();
        var code = ServerClient.Run(endpoint, args, workingDirectory, output, error);
        Assert.That(code, Is.Not.Null, "the server answers");
        return new CliRunner.Result(code!.Value, ServerProtocol.Text.GetString(output.ToArray()), ServerProtocol.Text.GetString(error.ToArray()));
    }

    private string Ask(ServerProtocol.Request request)
    {
        var output = new MemoryStream();
        Assert.That(ServerClient.Send(endpoint, request, output, Stream.Null), Is.EqualTo(0));
        return ServerProtocol.Text.GetString(output.ToArray());
    }

    private Socket Connect()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(endpoint.SocketPath));
        return socket;
    }
}
