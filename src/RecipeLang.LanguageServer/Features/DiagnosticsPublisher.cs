using System.Collections.Concurrent;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// Publishes diagnostics after edits, debounced per document: each change cancels the pending analysis of the
/// previous version, and a result is published only if its version is still the document's latest, so the client
/// never sees stale diagnostics for an old version.
/// </summary>
public sealed class DiagnosticsPublisher(DocumentStore documents, Func<PublishDiagnosticsParams, Task> publish, TimeSpan debounce, string? ruleDocsUri)
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    // Checking that a result is current and sending it is one step: otherwise a result that passed the check could
    // be sent after a newer version's, or after the empty list that clears a closed document.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Schedule(OpenDocument document)
    {
        var cancellation = new CancellationTokenSource();
        if (_pending.TryGetValue(document.Uri, out var previous))
        {
            previous.Cancel();
        }
        _pending[document.Uri] = cancellation;
        _ = RunAsync(document, cancellation.Token);
    }

    /// <summary>Clears a closed document's diagnostics.</summary>
    public async Task ClearAsync(string uri)
    {
        if (_pending.TryRemove(uri, out var pending))
        {
            pending.Cancel();
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await publish(new PublishDiagnosticsParams(uri, null, [])).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-checks every open document (a recipelang.json or an imported file changed).</summary>
    public void ScheduleAll()
    {
        foreach (var document in documents.All)
        {
            Schedule(document);
        }
    }

    private async Task RunAsync(OpenDocument document, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(debounce, cancellationToken).ConfigureAwait(false);
            var analysis = await Task.Run(() => documents.Analyze(document), cancellationToken).ConfigureAwait(false);
            var diagnostics = Convert(analysis, ruleDocsUri);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (cancellationToken.IsCancellationRequested || documents.Get(document.Uri)?.Version != document.Version)
                {
                    return;
                }
                await publish(new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics)).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer version superseded this one.
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"recipelang lsp: diagnostics for {document.Uri} failed: {e}");
        }
    }

    /// <summary>LSP diagnostics; <paramref name="ruleDocsUri"/> ("…{code}…") links each code to its page, null for no link.</summary>
    public static LspDiagnostic[] Convert(DocumentAnalysis analysis, string? ruleDocsUri) =>
        [.. analysis.Diagnostics.Select(d => new LspDiagnostic(
            Conversions.ToRange(d.Start, d.End),
            Conversions.ToLspSeverity(d.Severity),
            d.Code,
            ruleDocsUri is null ? null : new CodeDescription(ruleDocsUri.Replace("{code}", d.Code, StringComparison.Ordinal)),
            "recipelang",
            d.Message,
            d.Related.IsEmpty ? null : [.. d.Related.Select(r => new DiagnosticRelatedInformation(new Location(Conversions.ToUri(r.Path), Conversions.ToRange(r.Start, r.End)), r.Message))]))];
}
