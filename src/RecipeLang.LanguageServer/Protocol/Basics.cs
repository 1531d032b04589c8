using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeLang.LanguageServer.Protocol;

// LSP 3.17 types this server uses, as plain records for System.Text.Json (camelCase, nulls omitted).

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(Range Range, string NewText);

public sealed record WorkspaceEdit(Dictionary<string, TextEdit[]> Changes);

public sealed record MarkupContent(string Kind, string Value);

/// <summary>LSP's error codes that this server answers with.</summary>
public static class ErrorCodes
{
    public const int InvalidParams = -32602;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
    public const int InvalidRequest = -32600;
}

public static class LspJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A member the protocol requires that is missing or null makes the params invalid (InvalidParams, see
        // LspJsonRpc) rather than a NullReferenceException deep in a feature.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };
}
