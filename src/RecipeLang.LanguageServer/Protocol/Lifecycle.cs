using System.Text.Json;

namespace RecipeLang.LanguageServer.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

public sealed record InitializeParams(int? ProcessId = null, string? RootUri = null, JsonElement? InitializationOptions = null, WorkspaceFolder[]? WorkspaceFolders = null, JsonElement? Capabilities = null);

public sealed record FileSystemWatcher(string GlobPattern);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record Registration(string Id, string Method, object RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record ServerInfo(string Name, string Version);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

public sealed record CompletionOptions(string[] TriggerCharacters);

public sealed record SignatureHelpOptions(string[] TriggerCharacters);

public sealed record RenameOptions(bool PrepareProvider);

public sealed record CodeActionOptions(string[] CodeActionKinds);

public sealed record SemanticTokensLegend(string[] TokenTypes, string[] TokenModifiers);

public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Range, SemanticTokensFullOptions Full);

public sealed record SemanticTokensFullOptions(bool Delta);

public sealed record WorkspaceFoldersOptions(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceCapabilities(WorkspaceFoldersOptions WorkspaceFolders);

/// <summary>Exactly what this server implements; a client must not be told of anything else.</summary>
public sealed record ServerCapabilities(
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    CompletionOptions CompletionProvider,
    SignatureHelpOptions SignatureHelpProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    RenameOptions RenameProvider,
    bool DocumentSymbolProvider,
    bool FoldingRangeProvider,
    bool DocumentFormattingProvider,
    bool DocumentRangeFormattingProvider,
    CodeActionOptions CodeActionProvider,
    SemanticTokensOptions SemanticTokensProvider,
    bool InlayHintProvider,
    WorkspaceCapabilities Workspace);
