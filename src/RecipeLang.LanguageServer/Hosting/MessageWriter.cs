using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RecipeLang.LanguageServer.Protocol;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// The one writer of the output stream. StreamJsonRpc, the framer's error answers and the server's own requests
/// all write whole frames through it, one at a time, so their bytes never interleave.
/// </summary>
public sealed class MessageWriter(Stream output)
{
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Writes one JSON-RPC message with its Content-Length header.</summary>
    public Task WriteAsync(JsonNode message) => WriteFrameAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString(LspJson.Options))));

    /// <summary>Sends a request of the server to the client; its answer is consumed by the framer.</summary>
    public Task RequestAsync(string id, string method, object parameters) => WriteAsync(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = MessageFramer.ServerRequestIdPrefix + id,
        ["method"] = method,
        ["params"] = JsonSerializer.SerializeToNode(parameters, LspJson.Options),
    });

    /// <summary>A stream for StreamJsonRpc: what it writes between two flushes (one message) goes out as one frame.</summary>
    public Stream CreateStream() => new FrameStream(this);

    private async Task WriteFrameAsync(ReadOnlyMemory<byte> frame)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await output.WriteAsync(frame).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    private static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    private sealed class FrameStream(MessageWriter writer) : Stream
    {
        private readonly MemoryStream _pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _pending.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _pending.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length == 0)
            {
                return;
            }
            var frame = _pending.ToArray();
            _pending.SetLength(0);
            await writer.WriteFrameAsync(frame).ConfigureAwait(false);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
