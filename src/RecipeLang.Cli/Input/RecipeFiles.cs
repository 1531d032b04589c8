using System.Text;
using Microsoft.Extensions.FileSystemGlobbing;

namespace RecipeLang.Cli.Input;

/// <summary>A recipe file to process: the path as shown to the user, its full path, and whether the user named it.</summary>
public sealed record RecipeFile(string DisplayPath, string FullPath, bool Named);

/// <summary>A problem with the command line or the file system, reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Expands the paths a user typed — files, folders (recursive *.recipe) and globs — into recipe files.</summary>
public static class RecipeFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<RecipeFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<RecipeFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var named = path.IndexOfAny(['*', '?', '[']) < 0 && File.Exists(path);
            foreach (var full in ExpandOne(path))
            {
                if (seen.Add(full))
                {
                    files.Add(new RecipeFile(Display(full), full, named));
                }
            }
        }
        return files;
    }

    /// <summary>
    /// The largest recipe file read (16 MiB; the largest shipped example is a few KB). It protects the machine: the
    /// syntax tree and diagnostics of a file take many times its size in memory (docs/exit-codes.md, Limits).
    /// </summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Reads a file as strict UTF-8 (a BOM is allowed); any failure becomes a one-line message.</summary>
    public static string Read(RecipeFile file)
    {
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            if (length > MaxFileBytes)
            {
                throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.DisplayPath}: too large to be a recipe ({length / (1024.0 * 1024):0.#} MiB; the limit is {MaxFileBytes / (1024 * 1024)} MiB)"));
            }
            var bytes = File.ReadAllBytes(file.FullPath);
            if (bytes.AsSpan().Contains((byte)0))
            {
                throw new UsageException($"{file.DisplayPath}: a binary file (it holds NUL bytes), not a recipe; a recipe is UTF-8 text");
            }
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            throw new UsageException($"{file.DisplayPath}: not valid UTF-8; save the file as UTF-8");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file.DisplayPath}: cannot read: {e.Message}");
        }
    }

    /// <summary>A path holding a NUL or another control character names no file; the Path APIs would throw on it.</summary>
    public static void CheckPath(string path)
    {
        if (path.Length == 0 || path.Any(char.IsControl))
        {
            throw new UsageException($"'{string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))}': no such file or directory");
        }
    }

    private static IEnumerable<string> ExpandOne(string path)
    {
        CheckPath(path);
        if (path.IndexOfAny(['*', '?', '[']) >= 0)
        {
            return ExpandGlob(path);
        }
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            // A folder without recipes is almost always a mistyped path; passing it silently would turn a CI job green.
            var recipes = FolderRecipes(path, full).Order(StringComparer.Ordinal).ToList();
            return recipes.Count > 0 ? recipes : throw new UsageException($"{path}: no *.recipe files in this folder");
        }
        if (File.Exists(full))
        {
            return [full];
        }
        throw new UsageException(path.StartsWith('-')
            ? $"{path}: unknown option; see --help"
            : $"{path}: no such file or directory");
    }

    /// <summary>
    /// The *.recipe files under a folder. Symbolic links are followed, but every real folder is entered once, so a
    /// link back up the tree (a loop) or two links to one folder do not repeat its files.
    /// </summary>
    private static List<string> FolderRecipes(string path, string full)
    {
        var files = new List<string>();
        var entered = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(full);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                if (!entered.Add(RealPath(folder)))
                {
                    continue;
                }
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if (entry is DirectoryInfo)
                    {
                        pending.Push(entry.FullName);
                    }
                    else if (entry.Name.EndsWith(".recipe", StringComparison.Ordinal))
                    {
                        files.Add(entry.FullName);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var shown = folder == full ? path : Path.Combine(path, Path.GetRelativePath(full, folder));
                throw new UsageException($"{shown}: cannot list this folder: {e.Message}");
            }
        }
        return files;
    }

    /// <summary>The folder with every symbolic link on the way resolved, so that two spellings of one folder compare equal.</summary>
    private static string RealPath(string folder)
    {
        var info = new DirectoryInfo(folder);
        var parent = info.Parent is null ? null : RealPath(info.Parent.FullName);
        var here = parent is null ? info.FullName : Path.Combine(parent, info.Name);
        var target = new DirectoryInfo(here).ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? here : RealPath(target.FullName);
    }

    private static IEnumerable<string> ExpandGlob(string pattern)
    {
        // The folder part before the first wildcard is the root the pattern is matched under.
        var normalized = pattern.Replace('\\', '/');
        var wildcard = normalized.IndexOfAny(['*', '?', '[']);
        var slash = normalized.LastIndexOf('/', wildcard);
        var root = slash < 0 ? "." : normalized[..(slash + 1)];
        var rest = slash < 0 ? normalized : normalized[(slash + 1)..];
        if (!Directory.Exists(root))
        {
            throw new UsageException($"{pattern}: no such directory '{root}'");
        }
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(rest);
        var matches = matcher.GetResultsInFullPath(Path.GetFullPath(root)).Order(StringComparer.Ordinal).ToList();
        if (matches.Count == 0)
        {
            throw new UsageException($"{pattern}: no file matches");
        }
        return matches;
    }

    private static string Display(string full)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
