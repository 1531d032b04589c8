using System.Text;

namespace RecipeLang.Cli.Server;

/// <summary>
/// A served command's standard output or error: text collected and sent to the client as frames, at each flush
/// and whenever 16 KB have gathered. A client that went away only silences the writer; the command runs to its end.
/// </summary>
internal sealed class FrameWriter(FrameSink sink, ServerProtocol.Frame kind) : TextWriter
{
    private const int FlushAt = 16 * 1024;

    private readonly StringBuilder pending = new();

    public override Encoding Encoding => ServerProtocol.Text;

    public override void Write(char value)
    {
        pending.Append(value);
        FlushIfFull();
    }

    public override void Write(string? value)
    {
        pending.Append(value);
        FlushIfFull();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        pending.Append(buffer, index, count);
        FlushIfFull();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        pending.Append(buffer);
        FlushIfFull();
    }

    public override void Flush()
    {
        if (pending.Length == 0)
        {
            return;
        }
        var bytes = ServerProtocol.Text.GetBytes(pending.ToString());
        pending.Clear();
        sink.Send(kind, bytes);
    }

    private void FlushIfFull()
    {
        if (pending.Length >= FlushAt)
        {
            Flush();
        }
    }
}

/// <summary>The client's socket as the frames of one answer reach it, one frame at a time.</summary>
internal sealed class FrameSink(Stream stream)
{
    private readonly BinaryWriter writer = new(stream);

    private bool gone;

    public void Send(ServerProtocol.Frame kind, byte[] bytes) => Write(w =>
    {
        w.Write((byte)kind);
        w.Write(bytes.Length);
        w.Write(bytes);
    });

    public void Exit(int code) => Write(w =>
    {
        w.Write((byte)ServerProtocol.Frame.Exit);
        w.Write(code);
    });

    public void Decline() => Write(w => w.Write((byte)ServerProtocol.Frame.Declined));

    private void Write(Action<BinaryWriter> frame)
    {
        lock (writer)
        {
            if (gone)
            {
                return;
            }
            try
            {
                frame(writer);
                writer.Flush();
            }
            catch (IOException)
            {
                gone = true;
            }
        }
    }
}
