using System.IO.Pipelines;
using Microsoft.VisualStudio.Threading;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Workspace;
using StreamJsonRpc;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// Runs the server over a pair of streams (stdin/stdout for <c>recipelang lsp</c>, in-memory pipes in tests): the
/// framer filters malformed input and answers it, StreamJsonRpc does the JSON-RPC with one message handler running
/// at a time on the loop (edits apply in order; a request that waits for an analysis lets later messages through),
/// and the <see cref="MessageWriter"/> keeps frames whole. Everything the server logs goes to the log (stderr);
/// the output carries the protocol only.
/// </summary>
public static class LanguageServerHost
{
    /// <summary>
    /// The workspace the server analyses in. It keeps no bound recipes after checking them: an open 5 MB document's
    /// would hold 60 MB until the next keystroke. Features bind the recipes they show (<see cref="DocumentAnalysis.RecipesIn"/>).
    /// </summary>
    public static RecipeWorkspace CreateWorkspace(System.IO.Abstractions.IFileSystem fileSystem) => new(fileSystem) { KeepsBoundRecipes = false };

    public static async Task<int> RunAsync(Stream input, Stream output, RecipeWorkspace workspace, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        log ??= Console.Error;
        var writer = new MessageWriter(output);
        var pipe = new Pipe();
        _ = MessageFramer.RunAsync(input, pipe.Writer, log, writer.WriteAsync, cancellationToken).ContinueWith(
            t => log.WriteLine($"recipelang lsp: reading input failed: {t.Exception?.GetBaseException().Message}"), TaskContinuationOptions.OnlyOnFaulted);
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = LspJson.Options };
        var handler = new HeaderDelimitedMessageHandler(writer.CreateStream(), pipe.Reader.AsStream(), formatter);
        using var rpc = new LspJsonRpc(handler)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        var server = new RecipeLanguageServer(workspace, new JsonRpcClient(rpc, writer));
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
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

    private sealed class JsonRpcClient(JsonRpc rpc, MessageWriter writer) : ILanguageClient
    {
        private int _nextId;

        public Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters) =>
            rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", parameters);

        public Task RegisterCapabilityAsync(RegistrationParams parameters) =>
            writer.RequestAsync("registerCapability/" + Interlocked.Increment(ref _nextId), "client/registerCapability", parameters);
    }
}
