namespace RecipeLang.Cli.Tests;

/// <summary>A test class whose every test gets its own empty temporary folder, deleted afterwards.</summary>
public abstract class ScratchFolderTest
{
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("recipelang-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>Writes a file under the folder, creating its directories, and returns its full path.</summary>
    protected string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
