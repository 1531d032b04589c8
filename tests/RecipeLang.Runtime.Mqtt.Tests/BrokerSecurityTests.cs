using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace RecipeLang.Runtime.Mqtt.Tests;

/// <summary>
/// What a real broker asks of the adapter, on a TLS broker in this process (real sockets): a certificate from the
/// site's own CA (--tls-ca), and a user name and password.
/// </summary>
[CancelAfter(30_000)]
public class BrokerSecurityTests
{
    private static (X509Certificate2 Ca, X509Certificate2 Server) Certificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=RecipeLang test plant CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20), [1, 2, 3, 4]);
        // SslStream on Linux needs the key in an exportable form: round-trip through PKCS#12.
        var server = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null);
        return (ca, server);
    }

    private static async Task<(MqttServer Server, int Port)> StartTlsBrokerAsync(X509Certificate2 certificate)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new MqttServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(certificate)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            if (e.UserName != "line-1" || e.Password != "s3cret")
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return (server, port);
    }

    private static async Task<bool> ConnectAsync(BrokerEndpoint endpoint)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await endpoint.ConnectAsync(client, endpoint.ClientOptions("recipelang-test", TimeSpan.FromSeconds(5)).Build(), CancellationToken.None);
        var connected = client.IsConnected;
        await client.DisconnectAsync();
        return connected;
    }

    [Test]
    public async Task A_broker_whose_certificate_chains_to_the_given_CA_is_reached_over_TLS_with_a_login()
    {
        var (ca, certificate) = Certificates();
        var caFile = Path.Combine(Path.GetTempPath(), $"recipelang-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, ca.ExportCertificatePem());
        var (server, port) = await StartTlsBrokerAsync(certificate);
        try
        {
            var endpoint = BrokerEndpoint.Parse($"mqtts://127.0.0.1:{port}", username: "line-1", password: "s3cret") with { CaFile = caFile };

            Assert.That(await ConnectAsync(endpoint), Is.True);
        }
        finally
        {
            await server.StopAsync();
            server.Dispose();
            File.Delete(caFile);
        }
    }

    [Test]
    public async Task Without_the_CA_the_certificate_is_refused_and_a_wrong_password_is_refused_by_the_broker()
    {
        var (ca, certificate) = Certificates();
        var caFile = Path.Combine(Path.GetTempPath(), $"recipelang-ca-{Guid.NewGuid():N}.der");
        await File.WriteAllBytesAsync(caFile, ca.Export(X509ContentType.Cert));
        var (server, port) = await StartTlsBrokerAsync(certificate);
        try
        {
            var untrusted = BrokerEndpoint.Parse($"mqtts://127.0.0.1:{port}", username: "line-1", password: "s3cret");
            Assert.That(async () => await ConnectAsync(untrusted), Throws.InstanceOf<Exception>(), "the system trust store does not know the plant's CA");

            var wrongPassword = BrokerEndpoint.Parse($"mqtts://127.0.0.1:{port}", username: "line-1", password: "guess") with { CaFile = caFile };
            Assert.That(async () => await ConnectAsync(wrongPassword),
                Throws.InstanceOf<PlantLinkException>().With.Message.EqualTo("the broker refused the connection: bad user name or password"));
        }
        finally
        {
            await server.StopAsync();
            server.Dispose();
            File.Delete(caFile);
        }
    }
}
