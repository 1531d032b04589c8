using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeLang.Runtime.Journal;

/// <summary>
/// An append-only JSON-lines file. Every entry is written and flushed to disk before the run goes on,
/// so a process killed at any moment leaves a journal that says which steps finished.
/// </summary>
public sealed class RunJournal(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Path { get; } = path;

    public void Append(JournalEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        // After a torn last line (a crash mid-write), start a fresh line rather than extend the torn one.
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            if (stream.ReadByte() != '\n')
                line = "\n" + line;
        }
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// The entries so far; none when the file does not exist. A torn line (the process died while
    /// writing it) is ignored: it is the last line, or the next run's run-started follows it.
    /// </summary>
    public IReadOnlyList<JournalEntry> Read()
    {
        if (!File.Exists(Path))
            return [];
        var lines = File.ReadAllLines(Path);
        var entries = new List<JournalEntry>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(lines[i], Json)
                    ?? throw new JournalFormatException(Path, i + 1, "the line is 'null'"));
            }
            catch (JsonException) when (IsTorn(lines, i))
            {
            }
            catch (JsonException e)
            {
                throw new JournalFormatException(Path, i + 1, e.Message);
            }
        }
        return entries;
    }

    private static bool IsTorn(string[] lines, int index)
    {
        var next = lines.Skip(index + 1).FirstOrDefault(l => l.Length > 0);
        return next is null || next.StartsWith("{\"event\":\"" + JournalEvents.RunStarted + "\"", StringComparison.Ordinal);
    }
}
