using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using RecipeLang.Cli.Input;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Caching;

/// <summary>
/// The plan cache's direct mode, as ccache's: a dry run of one recipe file finds its plan from its inputs, without
/// checking, lowering or hashing the lowered recipes. A manifest is named by a SHA-256 of what is known before the
/// analysis (<see cref="Key"/>) and lists every other file the analysis read (imports, transitively) with a hash of
/// the text read, and the plan cache entry the run used. It is written only after the full path succeeded, and used
/// only while every file it lists reads the same; a difference, a file that cannot be read, a damaged manifest or a
/// missing entry is a miss, and the full path runs and writes the manifest again. So a hit runs the plan the full
/// path would compile: what is simulated stays what the plant runs. Manifests live in <c>inputs/</c> under the plan cache.
/// </summary>
public static class PlanManifests
{
    /// <summary>
    /// The manifest's name: a SHA-256 of the tool's build, the recipe's full path, the path it is shown by (plans and
    /// messages name it) and its text, and the site file that applies (its path and text, or that there is none).
    /// <c>run</c> has no option that changes what is checked, lowered or compiled from a recipe (--recheck, --journal,
    /// --resume and --plot act on the plan once made); one added later must be hashed here. Null when the build cannot
    /// be identified, and then there is no direct mode.
    /// </summary>
    public static string? Key(RecipeFile recipe, string text, string? sitePath, string? siteText)
    {
        if (BuildIdentity.Value is not { } build)
        {
            return null;
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(build);
        foreach (var field in new[] { recipe.FullPath, recipe.DisplayPath, text, sitePath, siteText })
        {
            // Length-prefixed, so that no two different field lists hash the same bytes; -1 is "none".
            hash.AppendData(BitConverter.GetBytes(field?.Length ?? -1));
            hash.AppendData(MemoryMarshal.AsBytes((field ?? "").AsSpan()));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The plan cache key a manifest maps to, when every file it lists still reads as it did; else null.</summary>
    public static string? FindPlan(string cacheFolder, string key)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(ManifestFile(cacheFolder, key), Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        // The last line is a SHA-256 of the others: a manifest cut short or damaged is a miss, never a shorter list.
        if (lines.Length < 2 || lines[^1] != "sha256 " + Hash(string.Join('\n', lines[..^1]))
            || !lines[0].StartsWith("plan ", StringComparison.Ordinal) || !IsHash(lines[0].AsSpan(5)))
        {
            return null;
        }
        foreach (var line in lines[1..^1])
        {
            var same = line.StartsWith("missing ", StringComparison.Ordinal)
                ? ReadsAsBefore(line["missing ".Length..], null)
                : line.StartsWith("file ", StringComparison.Ordinal) && line.Length > 70 && IsHash(line.AsSpan(5, 64)) && line[69] == ' '
                    && ReadsAsBefore(line[70..], line[5..69]);
            if (!same)
            {
                return null;
            }
        }
        return lines[0][5..];
    }

    /// <summary>
    /// Records, after a full run path succeeded, that these inputs gave the plan cache entry <paramref name="plan"/>:
    /// the analysis says which files it read and what it read from each. A manifest is lines of UTF-8 text:
    /// <c>plan KEY</c>, then <c>file SHA256 PATH</c> or <c>missing PATH</c> per file, then <c>sha256 HASH</c> of the
    /// lines before it. A path that a line cannot hold as it is (a line break, a lone surrogate) gets no manifest.
    /// </summary>
    public static void Store(string cacheFolder, string key, DocumentAnalysis analysis, string plan, int maxEntries)
    {
        var lines = new List<string> { "plan " + plan };
        foreach (var (path, document) in analysis.FilesRead)
        {
            if (path.AsSpan().ContainsAny('\n', '\r'))
            {
                return;
            }
            lines.Add(document is null ? "missing " + path : $"file {Hash(document.Text.Text)} {path}");
        }
        var body = string.Join('\n', lines);
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes($"{body}\nsha256 {Hash(body)}\n");
        }
        catch (EncoderFallbackException)
        {
            return;
        }
        // Manifests are kept by when they were written (a hit reads one and writes nothing): one dropped early is a miss
        // that writes it again.
        if (PlanCache.Store(ManifestFile(cacheFolder, key), bytes))
        {
            PlanCache.Trim(Path.Combine(cacheFolder, "inputs"), name => IsHash(name), maxEntries);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The workspace reads an import when it exists (<c>File.Exists</c>, then <c>File.ReadAllText</c>); this reads it the same way.</summary>
    private static bool ReadsAsBefore(string path, string? sha256)
    {
        try
        {
            if (!File.Exists(path))
            {
                return sha256 is null;
            }
            return sha256 is not null && Hash(File.ReadAllText(path)) == sha256;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())));

    private static bool IsHash(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c))
            {
                return false;
            }
        }
        return text.Length == 64;
    }

    private static string ManifestFile(string cacheFolder, string key) => Path.Combine(cacheFolder, "inputs", key);

    /// <summary>
    /// What the code of a run depends on: the builds of Core (with the catalog compiled into it), the compiler, the
    /// runtime and this tool, and the host's dependency files, which name the version and hash of every package (the
    /// parser library, Roslyn and its reference assemblies) and the framework. Null when a dependency file cannot be read.
    /// </summary>
    private static readonly Lazy<byte[]?> BuildIdentity = new(() =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var type in new[] { typeof(RecipeWorkspace), typeof(Compiler.CompilationKey), typeof(Runtime.IStepPlan), typeof(PlanManifests) })
        {
            hash.AppendData(type.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }
        try
        {
            // The host separates them with ';' on every platform.
            foreach (var file in (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return hash.GetHashAndReset();
    });
}
