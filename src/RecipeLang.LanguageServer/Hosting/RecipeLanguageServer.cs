using System.Text.Json;
using RecipeLang.LanguageServer.Features;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Workspace;
using StreamJsonRpc;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// The LSP methods. Each one only translates between protocol records and the features in Features/, which know
/// nothing of JSON-RPC; a switch to another transport or LSP framework replaces this class and the host alone.
/// Notifications change the workspace in order, on the message loop, and return at once; diagnostics are computed
/// off the loop; requests take the latest snapshot and, when its analysis is not ready, wait for it off the loop.
/// </summary>
public sealed class RecipeLanguageServer(RecipeWorkspace workspace, ILanguageClient client)
{
    // Where a diagnostic's code links to (LSP codeDescription): the client names it in initializationOptions
    // ("ruleDocsUri": "vscode://recipelang.recipelang/explain?code={code}" opens the page inside VS Code); a
    // client that names none gets no link rather than a web address that may not exist.
    private string? _ruleDocsUri;

    /// <summary>Documents longer than this (in UTF-16 characters) get one diagnostic and no analysis, unless the client sets <c>maxDocumentLength</c>.</summary>
    public const int DefaultMaxDocumentLength = 1024 * 1024;

    /// <summary>How long no analysis must run before memory freed by analyses is given back (<c>memoryTrimDelayMs</c>; 0 never).</summary>
    public static readonly TimeSpan DefaultMemoryTrimDelay = TimeSpan.FromSeconds(2);

    private readonly DocumentStore _documents = new(workspace);
    private readonly SemanticTokensFeature _semanticTokens = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DiagnosticsPublisher? _publisher;
    private IdleMemoryTrim? _memoryTrim;
    private int _maxDocumentLength = DefaultMaxDocumentLength;
    private bool _registerWatchers;
    private bool _initialized;
    private bool _shutdown;

    /// <summary>Completes with the process exit code when the client sends <c>exit</c>: 0 after <c>shutdown</c>, else 1.</summary>
    public Task<int> Exit => _exit.Task;

    public RecipeWorkspace Workspace => _documents.Workspace;

    [JsonRpcMethod("initialize", UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        if (_initialized)
        {
            throw new LocalRpcException("The server is already initialized: 'initialize' may be sent once") { ErrorCode = ErrorCodes.InvalidRequest };
        }
        var delay = TimeSpan.Zero;
        var trimDelay = DefaultMemoryTrimDelay;
        if (parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } options)
        {
            if (options.TryGetProperty("diagnosticsDelayMs", out var value) && value.TryGetInt32(out var milliseconds))
            {
                delay = TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 5000));
            }
            if (options.TryGetProperty("maxDocumentLength", out var length) && length.TryGetInt32(out var characters) && characters > 0)
            {
                _maxDocumentLength = characters;
            }
            if (options.TryGetProperty("memoryTrimDelayMs", out var trim) && trim.TryGetInt32(out var trimMilliseconds))
            {
                trimDelay = TimeSpan.FromMilliseconds(Math.Clamp(trimMilliseconds, 0, 600_000));
            }
        }
        _registerWatchers = parameters.Capabilities is { ValueKind: JsonValueKind.Object } capabilities
            && capabilities.TryGetProperty("workspace", out var workspaceCapabilities) && workspaceCapabilities.ValueKind == JsonValueKind.Object
            && workspaceCapabilities.TryGetProperty("didChangeWatchedFiles", out var watched) && watched.ValueKind == JsonValueKind.Object
            && watched.TryGetProperty("dynamicRegistration", out var dynamic) && dynamic.ValueKind == JsonValueKind.True;
        foreach (var folder in parameters.WorkspaceFolders?.Select(f => f.Uri) ?? (parameters.RootUri is { } root ? [root] : []))
        {
            _documents.AddFolder(Conversions.ToPath(folder));
        }
        if (parameters.InitializationOptions is { ValueKind: JsonValueKind.Object } withDocs
            && withDocs.TryGetProperty("ruleDocsUri", out var docs) && docs.ValueKind == JsonValueKind.String && docs.GetString()!.Contains("{code}"))
        {
            _ruleDocsUri = docs.GetString();
        }
        _memoryTrim = new IdleMemoryTrim(trimDelay);
        _publisher = new DiagnosticsPublisher(_documents, client.PublishDiagnosticsAsync, delay, _maxDocumentLength, _ruleDocsUri, _memoryTrim);
        _initialized = true;
        var serverCapabilities = new ServerCapabilities(
            new TextDocumentSyncOptions(OpenClose: true, Change: 2),
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
            new CodeActionOptions([EditingFeatures.QuickFix]),
            new SemanticTokensOptions(new SemanticTokensLegend(SemanticTokensFeature.TokenTypes, []), Range: false, new SemanticTokensFullOptions(Delta: true)),
            InlayHintProvider: true,
            new WorkspaceCapabilities(new WorkspaceFoldersOptions(Supported: true, ChangeNotifications: true)));
        return new InitializeResult(serverCapabilities, new ServerInfo("recipelang", typeof(RecipeLanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"));
    }

    /// <summary>Asks the client to watch recipe files and configs on disk, when it can register watchers dynamically.</summary>
    [JsonRpcMethod("initialized")]
    public Task Initialized() =>
        _initialized && _registerWatchers
            ? client.RegisterCapabilityAsync(new RegistrationParams([new Registration("recipelang-watched-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions([new Protocol.FileSystemWatcher("**/*.recipe"), new Protocol.FileSystemWatcher("**/recipelang.json")]))]))
            : Task.CompletedTask;

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
    public void ExitNotification()
    {
        _memoryTrim?.Dispose();
        _exit.TrySetResult(_shutdown ? 0 : 1);
    }

    [JsonRpcMethod("textDocument/didOpen", UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (_initialized)
        {
            Publisher.Schedule(_documents.Open(parameters.TextDocument).Affected);
        }
        // Notifications before initialize are dropped (LSP: only exit is honoured).
    }

    [JsonRpcMethod("textDocument/didChange", UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (_initialized && _documents.Change(parameters.TextDocument, parameters.ContentChanges) is { } change)
        {
            Publisher.Schedule(change.Affected);
        }
    }

    [JsonRpcMethod("textDocument/didClose", UseSingleObjectParameterDeserialization = true)]
    public Task DidClose(DidCloseTextDocumentParams parameters)
    {
        if (!_initialized || _documents.Close(parameters.TextDocument.Uri) is not { } change)
        {
            return Task.CompletedTask;
        }
        _semanticTokens.Forget(parameters.TextDocument.Uri);
        // Importers of the closed file now see it as it is on disk.
        Publisher.Schedule(change.Affected);
        return Publisher.ClearAsync(parameters.TextDocument.Uri, Workspace.FullPath(Conversions.ToPath(parameters.TextDocument.Uri)));
    }

    /// <summary>Files changed on disk (the watchers registered at <c>initialized</c>): their importers are checked again.</summary>
    [JsonRpcMethod("workspace/didChangeWatchedFiles", UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        if (_initialized)
        {
            Publisher.Schedule(Workspace.FilesChangedOnDisk(parameters.Changes.Select(c => Conversions.ToPath(c.Uri))).Affected);
        }
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
        // Another folder may hold another recipelang.json.
        Publisher.Schedule(Workspace.InvalidateConfigs().Affected);
    }

    [JsonRpcMethod("textDocument/hover", UseSingleObjectParameterDeserialization = true)]
    public Task<Hover?> Hover(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => HoverFeature.Hover(_documents, analysis, offset));

    [JsonRpcMethod("textDocument/completion", UseSingleObjectParameterDeserialization = true)]
    public Task<CompletionList?> Completion(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, CompletionFeature.Complete);

    [JsonRpcMethod("textDocument/signatureHelp", UseSingleObjectParameterDeserialization = true)]
    public Task<SignatureHelp?> SignatureHelp(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, CompletionFeature.Signature);

    [JsonRpcMethod("textDocument/definition", UseSingleObjectParameterDeserialization = true)]
    public Task<Location[]?> Definition(TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.Definition(_documents, analysis, offset));

    [JsonRpcMethod("textDocument/references", UseSingleObjectParameterDeserialization = true)]
    public Task<Location[]?> References(ReferenceParams parameters, CancellationToken cancellationToken) =>
        AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.References(_documents, analysis, offset, parameters.Context?.IncludeDeclaration ?? true));

    [JsonRpcMethod("textDocument/rename", UseSingleObjectParameterDeserialization = true)]
    public async Task<WorkspaceEdit?> Rename(RenameParams parameters, CancellationToken cancellationToken)
    {
        var edit = await AtAsync(parameters.TextDocument, parameters.Position, cancellationToken, (analysis, offset) => NavigationFeatures.Rename(_documents, analysis, offset, parameters.NewName));
        if (edit is null && !Navigation.SymbolFinder.IsValidName(parameters.NewName))
        {
            throw new LocalRpcException($"'{parameters.NewName}' is not a valid name: use one word of letters, digits and '_' that is not a keyword") { ErrorCode = ErrorCodes.InvalidParams };
        }
        return edit;
    }

    [JsonRpcMethod("textDocument/documentSymbol", UseSingleObjectParameterDeserialization = true)]
    public Task<DocumentSymbol[]?> DocumentSymbols(DocumentSymbolParams parameters, CancellationToken cancellationToken) => WithAsync(parameters.TextDocument, cancellationToken, NavigationFeatures.Symbols);

    [JsonRpcMethod("textDocument/foldingRange", UseSingleObjectParameterDeserialization = true)]
    public Task<FoldingRange[]?> FoldingRanges(FoldingRangeParams parameters, CancellationToken cancellationToken) => WithAsync(parameters.TextDocument, cancellationToken, NavigationFeatures.Folding);

    [JsonRpcMethod("textDocument/formatting", UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> Formatting(DocumentFormattingParams parameters, CancellationToken cancellationToken) => WithAsync(parameters.TextDocument, cancellationToken, EditingFeatures.Format);

    [JsonRpcMethod("textDocument/rangeFormatting", UseSingleObjectParameterDeserialization = true)]
    public Task<TextEdit[]?> RangeFormatting(DocumentRangeFormattingParams parameters, CancellationToken cancellationToken) =>
        WithAsync(parameters.TextDocument, cancellationToken, analysis => EditingFeatures.FormatRange(analysis, parameters.Range));

    [JsonRpcMethod("textDocument/codeAction", UseSingleObjectParameterDeserialization = true)]
    public Task<CodeAction[]?> CodeActions(CodeActionParams parameters, CancellationToken cancellationToken) =>
        WithAsync(parameters.TextDocument, cancellationToken, analysis => EditingFeatures.CodeActions(analysis, parameters.TextDocument.Uri, parameters.Range, parameters.Context.Only, _ruleDocsUri));

    [JsonRpcMethod("textDocument/semanticTokens/full", UseSingleObjectParameterDeserialization = true)]
    public Task<SemanticTokens?> SemanticTokensFull(SemanticTokensParams parameters, CancellationToken cancellationToken) =>
        WithAsync(parameters.TextDocument, cancellationToken, analysis => _semanticTokens.Full(parameters.TextDocument.Uri, analysis));

    [JsonRpcMethod("textDocument/semanticTokens/full/delta", UseSingleObjectParameterDeserialization = true)]
    public Task<object?> SemanticTokensDelta(SemanticTokensDeltaParams parameters, CancellationToken cancellationToken) =>
        WithAsync(parameters.TextDocument, cancellationToken, analysis => _semanticTokens.Delta(parameters.TextDocument.Uri, parameters.PreviousResultId, analysis));

    [JsonRpcMethod("textDocument/inlayHint", UseSingleObjectParameterDeserialization = true)]
    public Task<InlayHint[]?> InlayHints(InlayHintParams parameters, CancellationToken cancellationToken) =>
        WithAsync(parameters.TextDocument, cancellationToken, analysis => InlayHintsFeature.Hints(analysis, parameters.Range));

    private DiagnosticsPublisher Publisher => _publisher ?? throw NotInitialized();

    /// <summary>
    /// Runs a feature on the analysis of an open document in the latest snapshot: at once when it is ready (the
    /// diagnostics of this version were computed), else after computing it off the message loop, so later
    /// messages are not held up. A request cancelled by <c>$/cancelRequest</c> meanwhile answers RequestCancelled
    /// (StreamJsonRpc maps the OperationCanceledException to -32800). A document over the size limit answers null.
    /// </summary>
    private async Task<T?> WithAsync<T>(TextDocumentIdentifier identifier, CancellationToken cancellationToken, Func<DocumentAnalysis, T?> feature) where T : class
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
        var snapshot = Workspace.Current;
        if (_documents.Get(identifier.Uri) is not { } document || document.Text.Length > _maxDocumentLength)
        {
            return null;
        }
        var analysis = snapshot.TryGetAnalysis(document.FullPath)
            ?? await Task.Run(() => snapshot.Analyze(document.FullPath, cancellationToken)!, CancellationToken.None).WaitAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return feature(analysis);
    }

    private Task<T?> AtAsync<T>(TextDocumentIdentifier identifier, Position position, CancellationToken cancellationToken, Func<DocumentAnalysis, int, T?> feature) where T : class =>
        WithAsync(identifier, cancellationToken, analysis => feature(analysis, analysis.Source.ToOffset(position)));

    private static LocalRpcException NotInitialized() =>
        new("The server is not initialized: send 'initialize' first") { ErrorCode = ErrorCodes.ServerNotInitialized };
}
