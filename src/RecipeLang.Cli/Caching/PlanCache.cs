using RecipeLang.Compiler;
using RecipeLang.Compiler.Lowering;

namespace RecipeLang.Cli.Caching;

/// <summary>
/// Compiled plan assemblies kept between runs, one file per <see cref="CompilationKey"/>, so that
/// <c>run --simulate</c> of an unchanged recipe skips Roslyn (most of its time). The folder is
/// <c>$RECIPELANG_CACHE</c>, else <c>$XDG_CACHE_HOME/recipelang/plans</c>, else <c>~/.cache/recipelang/plans</c>;
/// <c>RECIPELANG_CACHE=off</c> turns the cache off. A cache that cannot be read or written is skipped, never an error.
/// It keeps the <paramref name="maxEntries"/> entries used last (a use marks an entry's time) and drops the others when
/// it stores a new one, so the folder does not grow with every edit of a recipe.
/// </summary>
public sealed class PlanCache(string? folder, int maxEntries = PlanCache.DefaultMaxEntries)
{
    /// <summary>Plans kept, and manifests of the direct mode: a few hundred KB of plans for a working set of recipes.</summary>
    public const int DefaultMaxEntries = 256;

    public static PlanCache FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("RECIPELANG_CACHE");
        if (string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase))
        {
            return new PlanCache(null);
        }
        if (!string.IsNullOrEmpty(configured))
        {
            return new PlanCache(configured);
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return new PlanCache(Path.Combine(root, "recipelang", "plans"));
    }

    /// <summary>The folder the entries are kept in; null when the cache is off.</summary>
    public string? Folder => folder;

    /// <summary>The plans compiled from these recipes: from the cache when an equal compilation is there, else compiled (and stored when it succeeds).</summary>
    /// <param name="key">The entry that holds these plans; null when they are not in the cache (off, unwritable, or errors).</param>
    public CompiledPlans Compile(IReadOnlyList<LoweredRecipe> recipes, out string? key)
    {
        key = null;
        if (folder is null)
        {
            return PlanCompiler.Compile(recipes);
        }
        var computed = CompilationKey.Compute(recipes);
        var file = Entry(computed);
        try
        {
            if (File.Exists(file))
            {
                key = computed;
                var image = File.ReadAllBytes(file);
                Touch(file);
                return CompiledPlans.FromImage(image);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return PlanCompiler.Compile(recipes);
        }
        var compiled = PlanCompiler.Compile(recipes);
        if (compiled.Success && Store(file, [.. compiled.Image]))
        {
            key = computed;
            Trim(folder, name => name.EndsWith(".dll", StringComparison.Ordinal), maxEntries);
        }
        return compiled;
    }

    /// <summary>The entry stored under a key; null when there is none or it cannot be read.</summary>
    public CompiledPlans? Find(string key)
    {
        try
        {
            if (folder is null)
            {
                return null;
            }
            var image = File.ReadAllBytes(Entry(key));
            Touch(Entry(key));
            return CompiledPlans.FromImage(image);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Drops an entry that turned out unloadable, so the next run compiles it again.</summary>
    public void Evict(string key)
    {
        if (folder is not null)
        {
            try
            {
                File.Delete(Entry(key));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the entry stays, and the caller has already compiled afresh.
            }
        }
    }

    private string Entry(string key) => Path.Combine(folder!, key + ".dll");

    /// <summary>Entries kept of each kind: plans, and the direct mode's manifests.</summary>
    public int MaxEntries => maxEntries;

    /// <summary>Marks a cache file as just used, for <see cref="Trim"/>.</summary>
    internal static void Touch(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An entry whose use cannot be marked is only dropped sooner.
        }
    }

    /// <summary>Deletes the least recently used of a folder's cache files (those <paramref name="isEntry"/> names) past <paramref name="keep"/>.</summary>
    internal static void Trim(string folder, Func<string, bool> isEntry, int keep)
    {
        try
        {
            var entries = new DirectoryInfo(folder).GetFiles().Where(f => isEntry(f.Name)).OrderByDescending(f => f.LastWriteTimeUtc).Skip(keep);
            foreach (var entry in entries)
            {
                entry.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run may be trimming too; what is left goes next time.
        }
    }

    /// <summary>
    /// Writes a cache file through a temporary file and a rename: two runs racing on one name both write whole, equal
    /// files, and a reader never sees half of one. False when it could not be written (a cache that cannot be written
    /// is skipped, never an error).
    /// </summary>
    internal static bool Store(string file, byte[] bytes)
    {
        var temporary = file + ".tmp-" + Environment.ProcessId;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, file, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The store already failed; a missing cache entry only costs the next run a compile.
            }
            return false;
        }
    }
}
