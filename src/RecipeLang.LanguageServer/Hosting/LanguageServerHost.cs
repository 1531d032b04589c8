using System.IO.Pipelines;
using Microsoft.VisualStudio.Threading;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Workspace;
using StreamJsonRpc;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// Runs the server over a pair of streams (stdin/stdout for <c>recipelang lsp</c>): the framer filters malformed
/// input, StreamJsonRpc does the JSON-RPC, one message at a time so that edits apply in order. Everything the
/// server logs goes to stderr; stdout carries the protocol only.
/// </summary>
public static class LanguageServerHost
{
    public static async Task<int> RunAsync(Stream input, Stream output, RecipeWorkspace workspace, CancellationToken cancellationToken = default)
    {
        var log = Console.Error;
        var pipe = new Pipe();
        _ = MessageFramer.RunAsync(input, pipe.Writer, log, cancellationToken).ContinueWith(
            t => log.WriteLine($"recipelang lsp: reading input failed: {t.Exception?.GetBaseException().Message}"), TaskContinuationOptions.OnlyOnFaulted);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Options };
        var handler = new HeaderDelimitedMessageHandler(output, pipe.Reader.AsStream(), formatter);
        var server = new RecipeLanguageServer(workspace);
        using var rpc = new LspJsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        server.OnPublish(p => rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p));
        rpc.Disconnected += (_, e) =>
        {
            if (e.Reason != DisconnectedReason.RemotePartyTerminated && e.Reason != DisconnectedReason.LocallyDisposed)
            {
                log.WriteLine($"recipelang lsp: connection closed: {e.Reason}: {e.Description}");
            }
        };
        rpc.StartListening();
        // The process ends on 'exit' (0 after 'shutdown', 1 before) or when the client closes the input (1).
        var finished = await Task.WhenAny(server.Exit, rpc.Completion).ConfigureAwait(false);
        return finished == server.Exit ? await server.Exit.ConfigureAwait(false) : 1;
    }
}
