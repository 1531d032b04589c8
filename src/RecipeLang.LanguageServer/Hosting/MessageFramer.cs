using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// Sits between stdin and the JSON-RPC reader and passes on only well-formed messages. A header block without a
/// usable Content-Length, garbage bytes before a header, or a body that is not a JSON-RPC message is logged to stderr
/// and skipped; reading resumes at the next <c>Content-Length:</c>. Without it one malformed message would
/// end the JSON-RPC connection, and with it the editor's language server.
/// </summary>
public static class MessageFramer
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LengthField = "Content-Length:"u8.ToArray();

    /// <summary>Copies valid messages from <paramref name="input"/> to <paramref name="output"/> until the input ends.</summary>
    public static async Task RunAsync(Stream input, PipeWriter output, TextWriter log, CancellationToken cancellationToken)
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
                    if (body is not null)
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
        var content = reader.UnreadSequence.Slice(0, length).ToArray();
        buffer = buffer.Slice(reader.Position).Slice(length);
        if (Problem(content) is { } problem)
        {
            log.WriteLine($"recipelang lsp: dropped a message: {problem} ({Shorten(Encoding.UTF8.GetString(content))})");
        }
        else
        {
            body = content;
        }
        return true;
    }

    /// <summary>
    /// Why a body is not a JSON-RPC 2.0 message, or null when it is one. StreamJsonRpc ends the connection on a
    /// message it cannot read (an object id, a numeric method, string params), so those stop here too.
    /// </summary>
    public static string? Problem(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "not a JSON object";
            }
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return "no \"jsonrpc\": \"2.0\"";
            }
            var hasId = root.TryGetProperty("id", out var id);
            if (hasId && id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                return "an id that is neither a string nor a number";
            }
            if (root.TryGetProperty("method", out var method))
            {
                if (method.ValueKind != JsonValueKind.String)
                {
                    return "a method that is not a string";
                }
                return root.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                    ? "params that are neither an object nor an array"
                    : null;
            }
            // The server sends the client no requests, so a response answers nothing (and StreamJsonRpc stalls on one).
            return hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))
                ? "a response to no request of the server"
                : "neither a request nor a notification";
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text.Replace("\r\n", " ") : text[..60].Replace("\r\n", " ") + "…";
}
