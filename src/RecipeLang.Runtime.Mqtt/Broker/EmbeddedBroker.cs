using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace RecipeLang.Runtime.Mqtt;

/// <summary>
/// An MQTT broker (MQTTnet.Server) inside this process, listening on loopback only: what `plant simulate`
/// and the tests use when no broker is given, so nothing needs installing.
/// </summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        this.server = server;
        Port = port;
    }

    public int Port { get; }

    public BrokerEndpoint Endpoint => new("127.0.0.1", Port, Tls: false);

    /// <summary>Starts on the port, or on a free loopback port when it is 0.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int port = 0)
    {
        if (port == 0)
            port = FreeLoopbackPort();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        try
        {
            await server.StartAsync();
        }
        catch (SocketException e)
        {
            server.Dispose();
            throw new IOException($"cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
        return new EmbeddedBroker(server, port);
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        server.Dispose();
    }
}
