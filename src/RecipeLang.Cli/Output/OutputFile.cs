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
        Write(displayPath, Path.GetFullPath(displayPath), new UTF8Encoding(false).GetBytes(text));

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
            throw new UsageException($"{displayPath}: cannot write: {e.Message}");
        }
    }
}
