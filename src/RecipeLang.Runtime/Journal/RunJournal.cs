using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecipeLang.Runtime.Journal;

/// An append-only JSON-lines file. Every entry is written and flushed to disk before the run goes on,
/// so a process killed at any moment leaves a journal that says which steps finished.
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
        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    /// The entries so far; none when the file does not exist. A torn last line (the process died
    /// while writing it) is ignored: the event it described did not complete.
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
            catch (JsonException) when (i == lines.Length - 1)
            {
                break;
            }
            catch (JsonException e)
            {
                throw new JournalFormatException(Path, i + 1, e.Message);
            }
        }
        return entries;
    }
}
