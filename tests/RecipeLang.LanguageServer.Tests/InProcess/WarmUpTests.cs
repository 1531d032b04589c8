using System.IO.Abstractions.TestingHelpers;
using RecipeLang.LanguageServer.Hosting;

namespace RecipeLang.LanguageServer.Tests.InProcess;

/// <summary>The start-up warm-up runs the whole edit path on a valid sample without touching the server's workspace.</summary>
public class WarmUpTests
{
    [Test]
    public void TheSampleIsAnalysedEditedAndAnalysedAgainWithoutDiagnostics()
    {
        var fileSystem = new MockFileSystem();
        Assert.That(WarmUp.Run(fileSystem), Is.Empty, "a diagnostic here would mean the sample stopped being valid recipe text");
        Assert.That(fileSystem.AllFiles, Is.Empty, "the warm-up writes nothing");
    }
}
