using RecipeLang.LanguageServer.Protocol;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>What the server sends the client on its own initiative; the host wires it to JSON-RPC, tests to memory.</summary>
public interface ILanguageClient
{
    Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters);

    /// <summary>Sends <c>client/registerCapability</c> (the client's answer is not awaited).</summary>
    Task RegisterCapabilityAsync(RegistrationParams parameters);
}
