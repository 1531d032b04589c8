using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Workspace;

public class RecipeWorkspaceTests
{
    private const string Library = "recipe relithiate for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n";
    private const string Main = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate\n}\n";

    private static (MockFileSystem Files, RecipeWorkspace Workspace) Create()
    {
        var files = new MockFileSystem();
        files.AddFile("/ws/lib.recipe", new MockFileData(Library));
        return (files, new RecipeWorkspace(files));
    }

    private static void Open(RecipeWorkspace workspace, string path, string text, int version = 1) =>
        workspace.SetDocument(path, new SourceText(text, path), version);

    [Test]
    public void AnAnalysisRecordsTheFilesItReadIncludingMissingOnes()
    {
        var (_, workspace) = Create();
        Open(workspace, "/ws/main.recipe", Main + "import \"missing.recipe\"\n");
        var analysis = workspace.Current.Analyze("/ws/main.recipe")!;
        Assert.That(analysis.Dependencies, Is.EquivalentTo(new[] { "/ws/lib.recipe", "/ws/missing.recipe" }));
    }

    [Test]
    public void AnAnalysisIsReusedUntilAFileItReadChanges()
    {
        var (files, workspace) = Create();
        Open(workspace, "/ws/main.recipe", Main);
        Open(workspace, "/ws/other.recipe", "anneal 850C O2 4h\n");
        var first = workspace.Current.Analyze("/ws/main.recipe");

        Open(workspace, "/ws/other.recipe", "anneal 900C O2 4h\n", 2);
        Assert.That(workspace.Current.Analyze("/ws/main.recipe"), Is.SameAs(first), "an unrelated edit reuses it");

        workspace.Current.Analyze("/ws/other.recipe");
        files.AddFile("/ws/lib.recipe", new MockFileData("# emptied\n"));
        Assert.That(workspace.Current.Analyze("/ws/main.recipe"), Is.SameAs(first), "the disk is read once, until the watcher says otherwise");
        var change = workspace.FilesChangedOnDisk(["/ws/lib.recipe"]);
        Assert.That(change.Affected, Is.EqualTo(new[] { "/ws/main.recipe" }), "other.recipe read nothing that changed");
        var second = change.Snapshot.Analyze("/ws/main.recipe")!;
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second.Diagnostics.Select(d => d.Code), Does.Contain("RL1005"));
    }

    [Test]
    public void AnOpenBufferShadowsTheDiskForImporters()
    {
        var (_, workspace) = Create();
        Open(workspace, "/ws/main.recipe", Main);
        var change = workspace.SetDocument("/ws/lib.recipe", new SourceText("recipe renamed { wash water x3 }\n", "/ws/lib.recipe"), 1);
        Assert.That(change.Affected, Is.EquivalentTo(new[] { "/ws/lib.recipe", "/ws/main.recipe" }));
        Assert.That(change.Snapshot.Analyze("/ws/main.recipe")!.Diagnostics.Select(d => d.Code), Does.Contain("RL1005"));

        var closed = workspace.RemoveOverlay("/ws/lib.recipe");
        Assert.That(closed.Affected, Is.EqualTo(new[] { "/ws/main.recipe" }));
        Assert.That(closed.Snapshot.Analyze("/ws/main.recipe")!.Diagnostics.Select(d => d.Code), Does.Not.Contain("RL1005"), "closed: the disk's text again");
    }

    [Test]
    public void AnOlderSnapshotStillAnalysesItsOwnTexts()
    {
        var (_, workspace) = Create();
        Open(workspace, "/ws/main.recipe", Main);
        var before = workspace.Current;
        Open(workspace, "/ws/main.recipe", "anneal 850C air 4h\n", 2);
        Assert.That(workspace.Current.Analyze("/ws/main.recipe")!.Document.Version, Is.EqualTo(2));
        Assert.That(before.Analyze("/ws/main.recipe")!.Document.Version, Is.EqualTo(1));
        Assert.That(workspace.Current.TryGetAnalysis("/ws/main.recipe")!.Document.Version, Is.EqualTo(2), "the old snapshot's analysis did not replace the newer one");
    }

    [Test]
    public void DiagnosticsInARangeComeFromTheIndex()
    {
        var (_, workspace) = Create();
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"recipe r{i} for NCM811 {{\n  anneal 760C air 4h\n}}\n"));
        var analysis = workspace.Analyze(new SourceText(text, "/ws/big.recipe"));
        var line = text.IndexOf("recipe r7 ", StringComparison.Ordinal);
        var span = new TextSpan(line, "recipe r7 for NCM811 {\n  anneal 760C air 4h\n}".Length);
        var inRange = analysis.DiagnosticsIn(span).ToList();
        var expected = analysis.Diagnostics.Where(d => d.Span.Start <= span.End && d.Span.End >= span.Start).ToList();
        Assert.That(inRange, Is.Not.Empty);
        Assert.That(inRange, Is.EqualTo(expected));
    }
}
