using System.Text;
using RecipeLang.Cli.Input;

namespace RecipeLang.Cli.Output;

/// <summary>
/// Writes a file the CLI produces (a formatted recipe, a report, a plan assembly) through a temporary file and a
/// rename, so a failure never leaves it half-written; every failure is one line with exit code 2.
/// </summary>
public static class OutputFile
{
    public static void Write(string displayPath, string text) =>
        Write(displayPath, FullPath(displayPath), new UTF8Encoding(false).GetBytes(text));

    /// <summary>The full path of an output the user named; a path no file system accepts is a usage error.</summary>
    public static string FullPath(string displayPath) =>
        displayPath.Length > 0 && !displayPath.Any(char.IsControl)
            ? Path.GetFullPath(displayPath)
            : throw new UsageException($"'{Hosting.Messages.Shorten(string.Concat(displayPath.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())))}': not a valid file name");

    public static void Write(string displayPath, string fullPath, byte[] bytes)
    {
        if (Directory.Exists(fullPath))
        {
            throw new UsageException($"{displayPath}: is a directory; name a file, in it or elsewhere");
        }
        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{displayPath}: cannot write: the folder {folder} does not exist");
        }
        var temporary = fullPath + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The write already failed; that is the error worth reporting.
            }
            // The temporary file is ours, not the user's: the message names the file they asked for.
            throw new UsageException($"{displayPath}: cannot write: {e.Message.Replace(temporary, fullPath, StringComparison.Ordinal)}");
        }
    }
}
