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

    [Test]
    public void VersionsThatAreNeverParsedDoNotKeepOlderVersionsAlive()
    {
        // A buffer over the language server's size limit is never parsed; each version kept the one before it.
        var (_, workspace) = Create();
        var first = OpenUnparsed(workspace, 1);
        for (var version = 2; version <= 20; version++)
        {
            OpenUnparsed(workspace, version);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(first.IsAlive, Is.False);
        Assert.That(workspace.Current.Open["/ws/big.recipe"].Version, Is.EqualTo(20));
    }

    [Test]
    public void AParsedVersionStillSeedsTheIncrementalParseOfVersionsAfterUnparsedOnes()
    {
        var (_, workspace) = Create();
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => $"recipe r{i} for NCM523 {{\n  dry 80C 12h\n}}\n"));
        Open(workspace, "/ws/main.recipe", text);
        var parsed = workspace.Current.Open["/ws/main.recipe"].Tree;
        Open(workspace, "/ws/main.recipe", text + "# v2\n", 2);
        Open(workspace, "/ws/main.recipe", text + "# v3\n", 3);

        var tree = workspace.Current.Open["/ws/main.recipe"].Tree;

        Assert.That(tree.Root.Statements[0], Is.SameAs(parsed.Root.Statements[0]), "the first recipe is reused from version 1's tree");
    }

    // Not inlined, so that no local of the test method keeps the text alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference OpenUnparsed(RecipeWorkspace workspace, int version)
    {
        var text = new SourceText(new string('x', 100_000) + version, "/ws/big.recipe");
        workspace.SetDocument("/ws/big.recipe", text, version);
        return new WeakReference(text);
    }
}
