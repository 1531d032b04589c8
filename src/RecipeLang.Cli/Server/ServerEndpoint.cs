using System.Runtime.Versioning;

namespace RecipeLang.Cli.Server;

/// <summary>
/// Where the command server of one build of the tool listens: a Unix socket in a folder only the user can open,
/// named after the build (its folder and the write times of its assemblies), so a rebuilt or updated tool never
/// talks to a server running older code.
/// </summary>
public sealed record ServerEndpoint(string SocketPath)
{
    /// <summary>A socket address holds at most 108 bytes on Linux (104 on macOS).</summary>
    private const int MaxSocketPath = 100;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The lock a server holds while it runs, so that one server at most serves a build.</summary>
    public string LockPath => SocketPath + ".lock";

    /// <summary>
    /// The endpoint of the running tool's build, or null where there is none: Windows, a socket folder that
    /// others can open, or a path too long for a socket address.
    /// </summary>
    public static ServerEndpoint? ForThisBuild()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        var folder = Folder();
        if (folder is null)
        {
            return null;
        }
        var path = Path.Combine(folder, $"{BuildIdentity():x16}.sock");
        return path.Length <= MaxSocketPath ? new ServerEndpoint(path) : null;
    }

    /// <summary>
    /// <c>$XDG_RUNTIME_DIR/recipelang</c>, else <c>recipelang-USER</c> in the temporary folder; created owner-only,
    /// and refused (null) when it exists with wider permissions, where another user could have placed a socket.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    private static string? Folder()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var folder = string.IsNullOrEmpty(runtime)
            ? Path.Combine(Path.GetTempPath(), $"recipelang-{Environment.UserName}")
            : Path.Combine(runtime, "recipelang");
        try
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, OwnerOnly);
            }
            var info = new DirectoryInfo(folder);
            return info.LinkTarget is null && info.UnixFileMode == OwnerOnly ? folder : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>FNV-1a over the tool's folder and its assemblies' write times: stable across processes, unlike string hashes.</summary>
    private static ulong BuildIdentity()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var identity = baseDirectory;
        foreach (var assembly in (string[])["recipelang.dll", "RecipeLang.Core.dll"])
        {
            identity += "|" + File.GetLastWriteTimeUtc(Path.Combine(baseDirectory, assembly)).Ticks;
        }
        var hash = 14695981039346656037UL;
        foreach (var c in identity)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
