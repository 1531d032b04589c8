namespace RecipeLang.Compiler.Tests;

/// <summary>
/// Golden files under tests/RecipeLang.Compiler.Tests/Golden. To regenerate after an intended change, run the
/// tests with RECIPELANG_UPDATE_GOLDEN=1, review the diff, and commit it.
/// </summary>
public static class Golden
{
    public static void Match(string relativePath, string actual)
    {
        var path = Path.Combine(Examples.Root, "tests", "RecipeLang.Compiler.Tests", "Golden", relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("RECIPELANG_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run with RECIPELANG_UPDATE_GOLDEN=1 to create it.");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path).ReplaceLineEndings("\n")), $"{path} differs; run with RECIPELANG_UPDATE_GOLDEN=1 to accept.");
    }
}
