using RecipeLang.LanguageServer.Hosting;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// Publishes each open document's diagnostics off the message loop. A change schedules the documents it affects;
/// each has at most one analysis running, which takes the latest snapshot when it starts, so edits that arrive
/// faster than analysis are coalesced and the newest version is analysed as soon as the previous analysis ends. A
/// change to a document whose analysis is running cancels that analysis (it stops between recipes): its result
/// would not be published anyway, and the next one starts from the last complete analysis.
/// A result is published only while it is still current (same version, same imported files), so the client never
/// sees diagnostics of an old version or of an import that has since changed. An optional delay (an
/// initialization option, 0 by default) waits before a burst's first analysis. Analyses tell <paramref name="memory"/>
/// when they run, so that memory is given back only while none does.
/// </summary>
public sealed class DiagnosticsPublisher(DocumentStore documents, Func<PublishDiagnosticsParams, Task> publish, TimeSpan delay, int maxDocumentLength, string? ruleDocsUri, IdleMemoryTrim memory)
{
    private readonly Dictionary<string, Worker> _workers = new(StringComparer.Ordinal);
    // Checking that a result is current and sending it is one step: otherwise a result that passed the check could
    // be sent after a newer version's, or after the empty list that clears a closed document.
    private readonly SemaphoreSlim _gate = new(1, 1);

    private sealed class Worker
    {
        public bool Running;
        public bool Dirty;
        // Cancels the analysis running now; replaced for each analysis.
        public CancellationTokenSource? Cancel;
    }

    /// <summary>Analyses these open documents (full paths) again and publishes their diagnostics.</summary>
    public void Schedule(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            lock (_workers)
            {
                if (!_workers.TryGetValue(path, out var worker))
                {
                    _workers[path] = worker = new Worker();
                }
                worker.Dirty = true;
                if (worker.Running)
                {
                    worker.Cancel?.Cancel();
                    continue;
                }
                worker.Running = true;
                memory.Busy();
                _ = Task.Run(() => RunAsync(path, worker));
            }
        }
    }

    /// <summary>Clears a closed document's diagnostics.</summary>
    public async Task ClearAsync(string uri, string path)
    {
        lock (_workers)
        {
            if (_workers.Remove(path, out var worker))
            {
                worker.Cancel?.Cancel();
            }
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

    private async Task RunAsync(string path, Worker worker)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay).ConfigureAwait(false);
        }
        while (true)
        {
            CancellationTokenSource cancel;
            lock (_workers)
            {
                if (!worker.Dirty || !_workers.TryGetValue(path, out var registered) || registered != worker)
                {
                    worker.Running = false;
                    memory.Done();
                    return;
                }
                worker.Dirty = false;
                worker.Cancel = cancel = new CancellationTokenSource();
            }
            try
            {
                await AnalyzeAndPublishAsync(path, worker, cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                // Superseded by a newer version (Dirty is set) or the document was closed: the loop decides.
            }
            catch (Exception e)
            {
                await Console.Error.WriteLineAsync($"recipelang lsp: diagnostics for {path} failed: {e}").ConfigureAwait(false);
            }
            finally
            {
                lock (_workers)
                {
                    worker.Cancel = null;
                }
                cancel.Dispose();
            }
        }
    }

    private async Task AnalyzeAndPublishAsync(string path, Worker worker, CancellationToken cancellationToken)
    {
        var snapshot = documents.Workspace.Current;
        if (!snapshot.Open.TryGetValue(path, out var document))
        {
            return;
        }
        LspDiagnostic[] diagnostics;
        DocumentAnalysis? analysis = null;
        if (document.Text.Length > maxDocumentLength)
        {
            diagnostics = [TooLarge(document, maxDocumentLength)];
        }
        else
        {
            analysis = snapshot.Analyze(path, cancellationToken)!;
            diagnostics = Convert(analysis, ruleDocsUri);
        }
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            var current = documents.Workspace.Current;
            lock (_workers)
            {
                if (worker.Dirty || !_workers.ContainsKey(path))
                {
                    return; // a newer change is queued: its analysis publishes instead
                }
            }
            if (!current.Open.TryGetValue(path, out var latest) || !ReferenceEquals(latest, document) || (analysis is not null && !analysis.IsCurrentIn(current)))
            {
                Schedule([path]);
                return;
            }
            await publish(new PublishDiagnosticsParams(documents.UriOf(path), document.Version, diagnostics)).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The one diagnostic of a document over the size limit, which is not analysed.</summary>
    public static LspDiagnostic TooLarge(DocumentSnapshot document, int maxDocumentLength) =>
        new(new Protocol.Range(new Position(0, 0), new Position(0, 0)), 2, null, null, "recipelang",
            $"This file has {document.Text.Length:N0} characters, over the language server's limit of {maxDocumentLength:N0} (initialization option 'maxDocumentLength'): it is not analysed in the editor. Split it, or check it with 'recipelang check'.", null);

    /// <summary>LSP diagnostics; <paramref name="ruleDocsUri"/> ("…{code}…") links each code to its page, null for no link.</summary>
    public static LspDiagnostic[] Convert(DocumentAnalysis analysis, string? ruleDocsUri) =>
        [.. analysis.Diagnostics.Select(d => Convert(d, ruleDocsUri))];

    public static LspDiagnostic Convert(Diagnostics.Diagnostic d, string? ruleDocsUri) => new(
        Conversions.ToRange(d.Start, d.End),
        Conversions.ToLspSeverity(d.Severity),
        d.Code,
        ruleDocsUri is null ? null : new CodeDescription(ruleDocsUri.Replace("{code}", d.Code, StringComparison.Ordinal)),
        "recipelang",
        d.Message,
        d.Related.IsEmpty ? null : [.. d.Related.Select(r => new DiagnosticRelatedInformation(new Location(Conversions.ToUri(r.Path), Conversions.ToRange(r.Start, r.End)), r.Message))]);
}
