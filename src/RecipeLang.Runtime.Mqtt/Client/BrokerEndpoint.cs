using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;

namespace RecipeLang.Runtime.Mqtt;

/// <summary>
/// Where the broker is and how to log in: <c>mqtt://host:1883</c> (plain) or <c>mqtts://host:8883</c>
/// (TLS: the operating system's trust store, or the site's own CA), with an optional user name and password.
/// </summary>
public sealed record BrokerEndpoint(string Host, int Port, bool Tls, string? Username = null, string? Password = null)
{
    /// <summary>
    /// A CA certificate file (PEM or DER): the broker's certificate must chain to it instead of to the system's trust
    /// store (plants often run their own CA).
    /// </summary>
    public string? CaFile { get; init; }

    public const int PlainPort = 1883;
    public const int TlsPort = 8883;

    /// <summary>Parses mqtt://host[:port] or mqtts://host[:port]; tls forces TLS on an mqtt:// URL. Throws FormatException with a one-line reason.</summary>
    public static BrokerEndpoint Parse(string url, bool tls = false, string? username = null, string? password = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || string.IsNullOrEmpty(uri.Host))
            throw new FormatException($"'{url}' is not a broker URL: write mqtt://host:1883 or mqtts://host:8883");
        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0)
            throw new FormatException($"'{url}': a broker URL has no path or query");
        var secure = tls || uri.Scheme == "mqtts";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (secure ? TlsPort : PlainPort) : uri.Port;
        if (uri.UserInfo.Length > 0)
            throw new FormatException($"'{url}': give the user name and password as options, not in the URL (it ends up in logs)");
        return new BrokerEndpoint(uri.Host, port, secure, username, password);
    }

    /// <summary>MQTT 5 client options for this broker: the client id, a keep-alive that notices a dead link in seconds, and a last will.</summary>
    public MqttClientOptionsBuilder ClientOptions(string clientId, TimeSpan keepAlive)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(keepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (Tls)
        {
            builder.WithTlsOptions(o =>
            {
                o.UseTls(true).WithTargetHost(Host);
                if (CaFile is not null)
                    o.WithTrustChain([X509CertificateLoader.LoadCertificateFromFile(CaFile)]);
            });
        }
        if (Username is not null)
            builder.WithCredentials(Username, Password ?? "");
        return builder;
    }

    /// <summary>Connects; a broker that answers but refuses (an MQTT 5 reason code) is an exception naming the reason.</summary>
    public async Task ConnectAsync(IMqttClient client, MqttClientOptions options, CancellationToken cancellationToken)
    {
        var result = await client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            var reason = result.ResultCode switch
            {
                MqttClientConnectResultCode.BadUserNameOrPassword => "bad user name or password",
                MqttClientConnectResultCode.NotAuthorized => "not authorised",
                var code => code.ToString(),
            };
            throw new PlantLinkException($"the broker refused the connection: {reason}{(string.IsNullOrEmpty(result.ReasonString) ? "" : $" ({result.ReasonString})")}");
        }
    }

    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{Host}:{Port}";
}
