namespace RecipeLang.Runtime.Mqtt.Tests;

/// <summary>A journal path in a fresh temporary folder, removed with the object.</summary>
public sealed class TempJournal : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("recipelang-mqtt-journal-").FullName;

    public string Path => System.IO.Path.Combine(folder, "run.jsonl");

    public string[] Lines => File.ReadAllLines(Path);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
