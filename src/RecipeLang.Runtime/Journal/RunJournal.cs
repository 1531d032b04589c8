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
    /// The entries so far; none when the file does not exist. A torn line is ignored: a fragment of an
    /// entry that the process died while writing, so it is either the last line with no newline after it,
    /// or the next run's run-started follows it (Append starts a fresh line after a torn one). Any other
    /// line that is not an entry, an unknown event, or a first entry other than run-started is refused.
    /// </summary>
    public IReadOnlyList<JournalEntry> Read()
    {
        if (!File.Exists(Path))
            return [];
        var text = File.ReadAllText(Path);
        var lines = text.Split('\n');
        var entries = new List<JournalEntry>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            JournalEntry entry;
            try
            {
                entry = JsonSerializer.Deserialize<JournalEntry>(lines[i], Json)
                    ?? throw new JournalFormatException(Path, i + 1, "the line is 'null'");
            }
            catch (JsonException) when (IsTorn(lines, i))
            {
                continue;
            }
            catch (JsonException e)
            {
                throw new JournalFormatException(Path, i + 1, e.Message);
            }
            if (!JournalEvents.All.Contains(entry.Event))
                throw new JournalFormatException(Path, i + 1, $"unknown event '{entry.Event}'");
            if (entries.Count == 0 && entry.Event != JournalEvents.RunStarted)
                throw new JournalFormatException(Path, i + 1, $"a journal begins with '{JournalEvents.RunStarted}', not '{entry.Event}'");
            entry = entry with { JournalLine = i + 1 };
            CheckConsistent(entries, entry);
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// A step's completion must follow its start in the same run, and step numbers are never negative: a line that
    /// claims otherwise (a hand edit) would make a resumed run skip a step that never ran.
    /// </summary>
    private void CheckConsistent(List<JournalEntry> earlier, JournalEntry entry)
    {
        if (entry.Step is < 0 || entry.ResumeAt is < 0)
            throw JournalFormatException.Inconsistent(Path, entry.JournalLine, $"step {entry.Step ?? entry.ResumeAt} is not a step number");
        if (entry.Event == JournalEvents.StepStarted && entry.Step is null)
            throw JournalFormatException.Inconsistent(Path, entry.JournalLine, $"'{entry.Event}' names no step");
        if (entry.Event != JournalEvents.StepCompleted)
            return;
        if (entry.Step is not { } step)
            throw JournalFormatException.Inconsistent(Path, entry.JournalLine, $"'{entry.Event}' names no step");
        var runStart = earlier.FindLastIndex(e => e.Event == JournalEvents.RunStarted);
        if (!earlier.Skip(runStart).Any(e => e.Event == JournalEvents.StepStarted && e.Step == step))
            throw JournalFormatException.Inconsistent(Path, entry.JournalLine, $"step {step} completed, but this run never started it");
    }

    /// <summary>The last run in the journal; null when the journal is missing or empty.</summary>
    public JournalRun? LastRun()
    {
        var entries = Read();
        var start = entries.ToList().FindLastIndex(e => e.Event == JournalEvents.RunStarted);
        if (start < 0)
            return null;
        var run = entries[start];
        return new JournalRun(
            run.Plan ?? "",
            run.PlanHash ?? "",
            entries.Skip(start).Any(e => e.Event == JournalEvents.RunCompleted),
            entries.Max(e => e.At));
    }

    private static bool IsTorn(string[] lines, int index)
    {
        if (!LooksLikeEntryStart(lines[index]))
            return false;
        var next = lines.Skip(index + 1).FirstOrDefault(l => l.Length > 0);
        // Split leaves "" after a final newline, so a last line with a newline after it is whole, not torn.
        var lastWithoutNewline = index == lines.Length - 1;
        return next is null ? lastWithoutNewline : next.StartsWith(EntryStart + JournalEvents.RunStarted + "\"", StringComparison.Ordinal);
    }

    private const string EntryStart = "{\"event\":\"";

    /// <summary>Every line Append writes begins so; a write cut short leaves a prefix of such a line.</summary>
    private static bool LooksLikeEntryStart(string line) =>
        line.StartsWith(EntryStart, StringComparison.Ordinal) || EntryStart.StartsWith(line, StringComparison.Ordinal);
}
