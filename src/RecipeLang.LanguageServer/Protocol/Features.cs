namespace RecipeLang.LanguageServer.Protocol;

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record LspDiagnostic(Range Range, int Severity, string Code, CodeDescription? CodeDescription, string Source, string Message, DiagnosticRelatedInformation[]? RelatedInformation);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, LspDiagnostic[] Diagnostics);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record CompletionItem(string Label, int Kind, string? Detail, MarkupContent? Documentation, string? InsertText = null, string? SortText = null);

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record ParameterInformation(string Label, MarkupContent? Documentation);

public sealed record SignatureInformation(string Label, MarkupContent? Documentation, ParameterInformation[] Parameters);

public sealed record SignatureHelp(SignatureInformation[] Signatures, int ActiveSignature, int? ActiveParameter);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, DocumentSymbol[]? Children);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);

public sealed record FormattingOptions(int TabSize, bool InsertSpaces);

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions Options);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, Range Range, FormattingOptions Options);

/// <param name="Diagnostics">The client's copy of the diagnostics in the range; unread, since the fixes come from the server's own analysis.</param>
public sealed record CodeActionContext(System.Text.Json.JsonElement Diagnostics, string[]? Only = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeAction(string Title, string Kind, LspDiagnostic[]? Diagnostics, bool? IsPreferred, WorkspaceEdit Edit);

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokensDeltaParams(TextDocumentIdentifier TextDocument, string PreviousResultId);

public sealed record SemanticTokens(string? ResultId, int[] Data);

public sealed record SemanticTokensEdit(int Start, int DeleteCount, int[]? Data);

public sealed record SemanticTokensDelta(string? ResultId, SemanticTokensEdit[] Edits);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label, int? Kind, bool? PaddingLeft, bool? PaddingRight);
