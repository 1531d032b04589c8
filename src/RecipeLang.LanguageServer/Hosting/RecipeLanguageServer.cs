using System.Text.Json;
using RecipeLang.LanguageServer.Features;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Workspace;
using StreamJsonRpc;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// The LSP methods. Each one only translates between protocol records and the features in Features/, which know
/// nothing of JSON-RPC; a switch to another transport or LSP framework replaces this class and the host alone.
/// </summary>
public sealed class RecipeLanguageServer
{
    // Where a diagnostic's code links to (LSP codeDescription): the client names it in initializationOptions
    // ("ruleDocsUri": "vscode://recipelang.recipelang/explain?code={code}" opens the page inside VS Code); a
    // client that names none gets no link rather than a web address that may not exist.
    private string? _ruleDocsUri;

    private readonly DocumentStore _documents;
    private readonly SemanticTokensFeature _semanticTokens = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DiagnosticsPublisher? _publisher;
    private Func<PublishDiagnosticsParams, Task> _publish = _ => Task.CompletedTask;
    private bool _initialized;
    private bool _shutdown;

    public RecipeLanguageServer(RecipeWorkspace workspace) => _documents = new DocumentStore(workspace);

    /// <summary>Completes with the process exit code when the client sends <c>exit</c>: 0 after <c>shutdown</c>, else 1.</summary>
    public Task<int> Exit => _exit.Task;

    /// <summary>How diagnostics reach the client (the host wires JSON-RPC notifications in).</summary>
    public void OnPublish(Func<PublishDiagnosticsParams, Task> publish) => _publish = publish;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        var debounce = TimeSpan.FromMilliseconds(100);
        if (parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } options
            && options.TryGetProperty("debounceMs", out var value) && value.TryGetInt32(out var milliseconds))
        {
            debounce = TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 5000));
        }
        foreach (var folder in parameters.WorkspaceFolders?.Select(f => f.Uri) ?? (parameters.RootUri is { } root ? [root] : []))
        {
            _documents.AddFolder(Conversions.ToPath(folder));
        }
        if (parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } withDocs
            && withDocs.TryGetProperty("ruleDocsUri", out var docs) && docs.ValueKind == JsonValueKind.String && docs.GetString()!.Contains("{code}"))
        {
            _ruleDocsUri = docs.GetString();
        }
        _publisher = new DiagnosticsPublisher(_documents, p => _publish(p), debounce, _ruleDocsUri);
        _initialized = true;
        var capabilities = new ServerCapabilities(
            new TextDocumentSyncOptions(OpenClose: true, Change: 2, new SaveOptions(IncludeText: false)),
            HoverProvider: true,
            new CompletionOptions([" ", "(", ","]),
            new SignatureHelpOptions([" "]),
            DefinitionProvider: true,
            ReferencesProvider: true,
            new RenameOptions(PrepareProvider: false),
            DocumentSymbolProvider: true,
            FoldingRangeProvider: true,
            DocumentFormattingProvider: true,
            DocumentRangeFormattingProvider: true,
            new CodeActionOptions(["quickfix"]),
            new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokensFeature.TokenTypes, []), Range: false, new SemanticTokensFullOptions(Delta: true)),
            InlayHintProvider: true,
            new WorkspaceCapabilities(new WorkspaceFoldersOptions(Supported: true, ChangeNotifications: true)));
        return new InitializeResult(capabilities, new ServerInfo("recipelang", typeof(RecipeLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        if (!_initialized)
        {
            throw NotInitialized();
        }
        _shutdown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void ExitNotification() => _exit.TrySetResult(_shutdown ? 0 : 1);

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (!_initialized)
        {
            return; // notifications before initialize are dropped (LSP: only exit is honoured)
        }
        _documents.InvalidateAll();
        Publisher.Schedule(_documents.Open(parameters.TextDocument));
        RescheduleOthers(parameters.TextDocument.Uri);
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (!_initialized || _documents.Change(parameters.TextDocument, parameters.ContentChanges) is not { } document)
        {
            return;
        }
        Publisher.Schedule(document);
        RescheduleOthers(document.Uri);
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public Task DidClose(DidCloseTextDocumentParams parameters)
    {
        if (!_initialized)
        {
            return Task.CompletedTask;
        }
        _documents.Close(parameters.TextDocument.Uri);
        _semanticTokens.Forget(parameters.TextDocument.Uri);
        return Publisher.ClearAsync(parameters.TextDocument.Uri);
    }

    [JsonRpcMethod("textDocument/didSave", UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams parameters)
    {
        if (_initialized)
        {
            RescheduleOthers(parameters.TextDocument.Uri);
        }
    }

    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        if (!_initialized)
        {
            return;
        }
        // A recipelang.json or an imported recipe changed on disk: every open document may see it.
        _documents.Workspace.InvalidateConfigs();
        _documents.InvalidateAll();
        Publisher.ScheduleAll();
    }

    [JsonRpcMethod("workspace/didChangeWorkspaceFolders", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams parameters)
    {
        if (!_initialized)
        {
            return;
        }
        foreach (var removed in parameters.Event.Removed)
        {
            _documents.RemoveFolder(Conversions.ToPath(removed.Uri));
        }
        foreach (var added in parameters.Event.Added)
        {
            _documents.AddFolder(Conversions.ToPath(added.Uri));
        }
        DidChangeWatchedFiles(new DidChangeWatchedFilesParams([]));
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Hover? Hover(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        At(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => HoverFeature.Hover(analysis, offset));

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public CompletionList? Completion(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        At(parameters.TextDocument, parameters.Position, cancellationToken, CompletionFeature.Complete);

    [JsonRpcMethod("textDocument/signatureHelp", UseSingleObjectParameterDeserialization = true)]
    public SignatureHelp? SignatureHelp(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        At(parameters.TextDocument, parameters.Position, cancellationToken, CompletionFeature.Signature);

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Location[]? Definition(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        At(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.Definition(_documents, analysis, offset));

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Location[]? References(ReferenceParams parameters, CancellationToken cancellationToken) =>
        At(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.References(_documents, analysis, offset, parameters.Context?.IncludeDeclaration ?? true));

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public WorkspaceEdit? Rename(RenameParams parameters, CancellationToken cancellationToken)
    {
        var edit = At(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.Rename(_documents, analysis, offset, parameters.NewName));
        if (edit is null && !Navigation.SymbolFinder.IsValidName(parameters.NewName))
        {
            throw new LocalRpcException($"'{parameters.NewName}' is not a valid name: use one word of letters, digits and '_' that is not a keyword") { ErrorCode = ErrorCodes.InvalidParams };
        }
        return edit;
    }

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public DocumentSymbol[]? DocumentSymbols(DocumentSymbolParams parameters, CancellationToken cancellationToken) => With(parameters.TextDocument, cancellationToken, NavigationFeatures.Symbols);

    [JsonRpcMethod("textDocument/foldingRange", UseSingleObjectParameterDeserialization = true)]
    public FoldingRange[]? FoldingRanges(FoldingRangeParams parameters, CancellationToken cancellationToken) => With(parameters.TextDocument, cancellationToken, NavigationFeatures.Folding);

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[]? Formatting(DocumentFormattingParams parameters, CancellationToken cancellationToken) => With(parameters.TextDocument, cancellationToken, EditingFeatures.Format);

    [JsonRpcMethod("textDocument/rangeFormatting", UseSingleObjectParameterDeserialization = true)]
    public TextEdit[]? RangeFormatting(DocumentRangeFormattingParams parameters, CancellationToken cancellationToken) =>
        With(parameters.TextDocument, cancellationToken, analysis => EditingFeatures.FormatRange(analysis, parameters.Range));

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public CodeAction[]? CodeActions(CodeActionParams parameters, CancellationToken cancellationToken) =>
        With(parameters.TextDocument, cancellationToken, analysis => EditingFeatures.CodeActions(analysis, parameters.TextDocument.Uri, parameters.Range, _ruleDocsUri));

    [JsonRpcMethod("textDocument/semanticTokens/full", UseSingleObjectParameterDeserialization = true)]
    public SemanticTokens? SemanticTokensFull(SemanticTokensParams parameters, CancellationToken cancellationToken) =>
        With(parameters.TextDocument, cancellationToken, analysis => _semanticTokens.Full(parameters.TextDocument.Uri, analysis));

    [JsonRpcMethod("textDocument/semanticTokens/full/delta", UseSingleObjectParameterDeserialization = true)]
    public object? SemanticTokensDelta(SemanticTokensDeltaParams parameters, CancellationToken cancellationToken) =>
        With(parameters.TextDocument, cancellationToken, analysis => _semanticTokens.Delta(parameters.TextDocument.Uri, parameters.PreviousResultId, analysis));

    [JsonRpcMethod("textDocument/inlayHint", UseSingleObjectParameterDeserialization = true)]
    public InlayHint[]? InlayHints(InlayHintParams parameters, CancellationToken cancellationToken) =>
        With(parameters.TextDocument, cancellationToken, analysis => InlayHintsFeature.Hints(analysis, parameters.Range));

    private DiagnosticsPublisher Publisher => _publisher ?? throw NotInitialized();

    /// <summary>Open documents that may import the changed one are checked again.</summary>
    private void RescheduleOthers(string uri)
    {
        foreach (var other in _documents.All.Where(d => d.Uri != uri))
        {
            Publisher.Schedule(other);
        }
    }

    /// <summary>
    /// Runs a feature on the current analysis of an open document. A request cancelled by <c>$/cancelRequest</c>
    /// while it waited behind others, or during the analysis, answers RequestCancelled (StreamJsonRpc maps the
    /// OperationCanceledException to -32800).
    /// </summary>
    private T? With<T>(TextDocumentIdentifier identifier, CancellationToken cancellationToken, Func<DocumentAnalysis, T?> feature) where T : class
    {
        if (!_initialized)
        {
            throw NotInitialized();
        }
        if (_shutdown)
        {
            // LSP: after shutdown only exit is expected; any other request is an InvalidRequest.
            throw new LocalRpcException("The server is shutting down: only 'exit' is accepted") { ErrorCode = ErrorCodes.InvalidRequest };
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (_documents.Get(identifier.Uri) is not { } document)
        {
            return null;
        }
        var analysis = _documents.Analyze(document);
        cancellationToken.ThrowIfCancellationRequested();
        return feature(analysis);
    }

    private T? At<T>(TextDocumentIdentifier identifier, Position position, CancellationToken cancellationToken, Func<DocumentAnalysis, int, T?> feature) where T : class =>
        With(identifier, cancellationToken, analysis => feature(analysis, analysis.Source.ToOffset(position)));

    private static LocalRpcException NotInitialized() =>
        new("The server is not initialized: send 'initialize' first") { ErrorCode = ErrorCodes.ServerNotInitialized };
}
