using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;

namespace RecipeLang.Cli.Baseline;

/// <summary>
/// The findings a library has accepted (<c>lint --baseline write FILE</c>), so CI fails only on new ones
/// (<c>lint --baseline use FILE</c>). Findings are matched by <see cref="Fingerprint"/> and counted per file,
/// so edits that only move a finding keep it accepted, and a second copy of it is new. Paths are relative to
/// the baseline file, so it works from any working directory.
/// </summary>
public sealed class LintBaseline
{
    private readonly string directory;
    private readonly Dictionary<(string Path, string Fingerprint), int> accepted;

    private LintBaseline(string directory, IEnumerable<BaselineEntry> entries)
    {
        this.directory = directory;
        accepted = entries.GroupBy(e => (e.Path, e.Fingerprint)).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>How many accepted findings no longer occur (fixed since the baseline was written).</summary>
    public int Unmatched => accepted.Values.Sum();

    public static void Write(string file, IReadOnlyList<FileFindings> files)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var entries = files
            .SelectMany(f => f.Diagnostics.Select(d =>
            {
                var path = Relative(directory, f.Source.Path);
                return new BaselineEntry(path, d.Code, Fingerprint.Of(path, d, f.Source), d.Start.Line + 1, d.Message);
            }))
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Code, StringComparer.Ordinal)
            .ToList();
        OutputFile.Write(file, JsonSerializer.Serialize(new BaselineFile(1, entries), BaselineJson.Readable.BaselineFile) + "\n");
    }

    /// <summary>Reads a baseline; a missing or malformed file is a usage error with path:line:col.</summary>
    public static LintBaseline Read(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{file}: no such baseline; create it with 'recipelang lint PATHS --baseline write {file}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{file}: cannot read the baseline ({e.Message.TrimEnd('.')}); create it with 'recipelang lint PATHS --baseline write {file}'");
        }
        BaselineFile? baseline;
        try
        {
            baseline = JsonSerializer.Deserialize(bytes, BaselineJson.Readable.BaselineFile);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = Encoding.UTF8.GetCharCount(LineBytes(bytes, e.LineNumber ?? 0, e.BytePositionInLine ?? 0)) + 1;
            throw new UsageException($"{file}:{line}:{column}: not a recipelang baseline (expected {{ \"version\": 1, \"findings\": [...] }}); rewrite it with --baseline write");
        }
        if (baseline is not { Version: 1 })
            throw new UsageException($"{file}:1:1: baseline version {baseline?.Version} is not supported; rewrite it with --baseline write");
        return new LintBaseline(Path.GetDirectoryName(Path.GetFullPath(file))!, baseline.Findings);
    }

    /// <summary>The findings the baseline does not accept; each accepted finding is used up once.</summary>
    public IReadOnlyList<FileFindings> Filter(IReadOnlyList<FileFindings> files) =>
        files.Select(f => f with
        {
            Diagnostics = f.Diagnostics.Where(d =>
            {
                var path = Relative(directory, f.Source.Path);
                var key = (path, Fingerprint.Of(path, d, f.Source));
                if (accepted.GetValueOrDefault(key) is not > 0)
                    return true;
                accepted[key]--;
                return false;
            }).ToList(),
        }).ToList();

    private static string Relative(string directory, string path) =>
        Path.GetRelativePath(directory, Path.GetFullPath(path)).Replace('\\', '/');

    private static ReadOnlySpan<byte> LineBytes(byte[] bytes, long line, long bytePosition)
    {
        var start = 0;
        for (var l = 0; l < line && start < bytes.Length; start++)
        {
            if (bytes[start] == (byte)'\n')
                l++;
        }
        return bytes.AsSpan(start, (int)Math.Clamp(bytePosition, 0, bytes.Length - start));
    }
}

public sealed record BaselineFile(int Version, IReadOnlyList<BaselineEntry> Findings);

/// <summary>One accepted finding; line and message are for the reader of the file, matching uses the fingerprint.</summary>
public sealed record BaselineEntry(string Path, string Code, string Fingerprint, int Line, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJson : JsonSerializerContext
{
    /// <summary>Messages keep their characters (°C, '+') instead of \u escapes: people read and diff this file.</summary>
    public static BaselineJson Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
