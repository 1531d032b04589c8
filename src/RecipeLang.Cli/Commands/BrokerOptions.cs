using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Runtime.Mqtt;

namespace RecipeLang.Cli.Commands;

/// <summary>The broker options `run` and `plant simulate` share: URL, TLS, login and the site's topic root.</summary>
public sealed class BrokerOptions
{
    /// <summary>Read when --password is not given, so that a password need not appear in the process list.</summary>
    public const string PasswordVariable = "RECIPELANG_MQTT_PASSWORD";

    public Option<string?> Broker { get; } = new("--broker") { Description = "MQTT broker URL: mqtt://host:1883, or mqtts://host:8883 for TLS" };
    public Option<bool> Tls { get; } = new("--tls") { Description = "Use TLS on an mqtt:// URL (mqtts:// always does)" };
    public Option<string?> TlsCa { get; } = new("--tls-ca") { Description = "CA certificate (PEM or DER) the broker's certificate must chain to, instead of the system trust store" };
    public Option<string?> Username { get; } = new("--username") { Description = "Broker user name" };
    public Option<string?> Password { get; } = new("--password") { Description = $"Broker password (better: the {PasswordVariable} environment variable)" };
    public Option<string> Site { get; } = new("--site-name") { Description = "The site's topic root: recipelang/v1/<site-name>/...", DefaultValueFactory = _ => "plant" };

    public void AddTo(Command command)
    {
        command.Options.Add(Broker);
        command.Options.Add(Tls);
        command.Options.Add(TlsCa);
        command.Options.Add(Username);
        command.Options.Add(Password);
        command.Options.Add(Site);
    }

    /// <summary>The broker options given on the command line other than --broker: without --broker they would be ignored.</summary>
    public IEnumerable<string> GivenWithoutBroker(ParseResult result) =>
        new Option[] { Tls, TlsCa, Username, Password, Site }.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name);

    /// <summary>The endpoint --broker names, or null without --broker; a malformed URL is a usage error.</summary>
    public BrokerEndpoint? Endpoint(ParseResult result)
    {
        if (result.GetValue(Broker) is not { } url)
        {
            return null;
        }
        var ca = result.GetValue(TlsCa);
        if (ca is not null)
        {
            if (!File.Exists(ca))
            {
                throw new UsageException($"--tls-ca {ca}: no such file");
            }
            try
            {
                using var _ = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(ca);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new UsageException($"--tls-ca {ca}: not a PEM or DER certificate ({e.Message.TrimEnd('.')})");
            }
        }
        try
        {
            var endpoint = BrokerEndpoint.Parse(url, result.GetValue(Tls) || ca is not null, result.GetValue(Username),
                result.GetValue(Password) ?? Environment.GetEnvironmentVariable(PasswordVariable));
            return endpoint with { CaFile = ca is null ? null : Path.GetFullPath(ca) };
        }
        catch (FormatException e)
        {
            throw new UsageException($"--broker: {e.Message}");
        }
    }

    public string SiteName(ParseResult result)
    {
        var site = result.GetValue(Site)!;
        try
        {
            return PlantTopics.Valid(site);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--site-name '{site}' cannot be an MQTT topic level: use letters, digits, '-' or '_'");
        }
    }
}
