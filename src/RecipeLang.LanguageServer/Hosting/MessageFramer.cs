using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// Sits between stdin and the JSON-RPC reader and passes on only well-formed messages. A body that is not JSON is
/// answered with ParseError (-32700), one that is JSON but not a request or notification with InvalidRequest
/// (-32600), as JSON-RPC 2.0 asks (with the message's id when it has a usable one, else null); a header block
/// without a usable Content-Length or garbage before a header is logged to stderr and skipped, and reading resumes
/// at the next <c>Content-Length:</c>. Without it one malformed message would end the JSON-RPC connection, and
/// with it the editor's language server. Responses to the server's own requests (ids starting with
/// <see cref="ServerRequestIdPrefix"/>) end here too.
/// </summary>
public static class MessageFramer
{
    /// <summary>The ids of requests the server sends (not through StreamJsonRpc, which would wait for their answers).</summary>
    public const string ServerRequestIdPrefix = "recipelang/";

    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LengthField = "Content-Length:"u8.ToArray();

    /// <summary>Copies valid messages from <paramref name="input"/> to <paramref name="output"/> until the input ends.</summary>
    public static async Task RunAsync(Stream input, PipeWriter output, TextWriter log, Func<JsonObject, Task> reply, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(input);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadMessage(ref buffer, log, out var body))
                {
                    if (body is not null && Problem(body) is { } problem)
                    {
                        if (problem.Code != 0)
                        {
                            await reply(new JsonObject
                            {
                                ["jsonrpc"] = "2.0",
                                ["id"] = problem.Id,
                                ["error"] = new JsonObject { ["code"] = problem.Code, ["message"] = problem.Reason },
                            }).ConfigureAwait(false);
                            log.WriteLine($"recipelang lsp: answered {problem.Code} to a message with {problem.Reason} ({Shorten(Encoding.UTF8.GetString(body))})");
                        }
                        else if (problem.Reason.Length > 0)
                        {
                            log.WriteLine($"recipelang lsp: dropped {problem.Reason} ({Shorten(Encoding.UTF8.GetString(body))})");
                        }
                    }
                    else if (body is not null)
                    {
                        await output.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), cancellationToken).ConfigureAwait(false);
                        await output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
                        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One frame off the buffer: true when something was consumed; <paramref name="body"/> is null for a dropped frame.</summary>
    private static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, TextWriter log, out byte[]? body)
    {
        body = null;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> header, HeaderEnd, advancePastDelimiter: true))
        {
            return false;
        }
        var headerText = Encoding.ASCII.GetString(header.ToArray());
        // Garbage before a header is tolerated: the last Content-Length in the block is the message's.
        var at = headerText.LastIndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        var lengthText = at < 0 ? null : headerText[(at + LengthField.Length)..].Split('\r', '\n')[0].Trim();
        if (lengthText is null || !int.TryParse(lengthText, out var length) || length < 0 || length > 64 * 1024 * 1024)
        {
            log.WriteLine($"recipelang lsp: dropped a message with no usable Content-Length ({Shorten(headerText)})");
            buffer = buffer.Slice(reader.Position);
            return true;
        }
        if (reader.Remaining < length)
        {
            return false;
        }
        body = reader.UnreadSequence.Slice(0, length).ToArray();
        buffer = buffer.Slice(reader.Position).Slice(length);
        return true;
    }

    /// <summary>What is wrong with a body that is not passed on: the error code to answer (0: drop it quietly, or with a log line when there is a reason), the reason, and the id to answer.</summary>
    public sealed record MessageProblem(int Code, string Reason, JsonNode? Id);

    /// <summary>
    /// Why a body is not a JSON-RPC 2.0 request or notification, or null when it is one. StreamJsonRpc ends the
    /// connection on a message it cannot read (an object id, a numeric method, string params), so those stop here.
    /// </summary>
    public static MessageProblem? Problem(byte[] content)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(content);
        }
        catch (JsonException e)
        {
            return new MessageProblem(ParseError, $"invalid JSON: {e.Message}", null);
        }
        if (node is not JsonObject root)
        {
            return new MessageProblem(InvalidRequest, "not a JSON object", null);
        }
        var id = root.TryGetPropertyValue("id", out var idNode) ? idNode : null;
        var hasId = root.ContainsKey("id");
        var usableId = id is null || id.GetValueKind() is JsonValueKind.String or JsonValueKind.Number;
        MessageProblem Invalid(string reason) => new(InvalidRequest, reason, usableId ? id?.DeepClone() : null);
        if (!usableId)
        {
            return Invalid("an id that is neither a string nor a number");
        }
        if (root["jsonrpc"] is not JsonValue version || version.GetValueKind() != JsonValueKind.String || (string?)version != "2.0")
        {
            return Invalid("no \"jsonrpc\": \"2.0\"");
        }
        if (root.TryGetPropertyValue("method", out var method))
        {
            if (method?.GetValueKind() != JsonValueKind.String)
            {
                return Invalid("a method that is not a string");
            }
            return root.TryGetPropertyValue("params", out var parameters) && parameters is not (null or JsonObject or JsonArray)
                ? Invalid("params that are neither an object nor an array")
                : null;
        }
        if (hasId && (root.ContainsKey("result") || root.ContainsKey("error")))
        {
            // The answer to one of the server's own requests; any other response answers nothing (and StreamJsonRpc stalls on one).
            return id?.GetValueKind() == JsonValueKind.String && ((string?)id)!.StartsWith(ServerRequestIdPrefix, StringComparison.Ordinal)
                ? new MessageProblem(0, root.ContainsKey("error") ? $"an error answer to {(string?)id}" : "", null)
                : new MessageProblem(0, "a response to no request of the server", null);
        }
        return Invalid("neither a request nor a notification");
    }

    private const int ParseError = -32700, InvalidRequest = -32600;

    private static string Shorten(string text) => text.Length <= 60 ? text.Replace("\r\n", " ") : text[..60].Replace("\r\n", " ") + "…";
}
