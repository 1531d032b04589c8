using System.Text;

namespace RecipeLang.Cli.Server;

/// <summary>
/// The command server's wire format over its Unix socket. A request: the magic number, its kind, and for a command
/// the client's working folder and arguments. The answer: frames of output and error text as the command writes
/// them, then its exit code, or a refusal that tells the client to run the command itself.
/// </summary>
public static class ServerProtocol
{
    /// <summary>"RLS1"; changes when the format does.</summary>
    public const int Magic = 0x524C5331;

    public enum Request : byte
    {
        Run = 1,
        Status = 2,
        Stop = 3,
    }

    public enum Frame : byte
    {
        Output = 1,
        Error = 2,
        Exit = 3,
        Declined = 4,
    }

    /// <summary>A frame's text is UTF-8 without a byte-order mark, as the console writes it.</summary>
    public static readonly Encoding Text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void WriteRun(BinaryWriter writer, string workingDirectory, IReadOnlyList<string> args)
    {
        writer.Write(Magic);
        writer.Write((byte)Request.Run);
        writer.Write(workingDirectory);
        writer.Write(args.Count);
        foreach (var arg in args)
        {
            writer.Write(arg);
        }
        writer.Flush();
    }

    public static void WriteRequest(BinaryWriter writer, Request request)
    {
        writer.Write(Magic);
        writer.Write((byte)request);
        writer.Flush();
    }
}
