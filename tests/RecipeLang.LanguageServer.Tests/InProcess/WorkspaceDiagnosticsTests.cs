using RecipeLang.LanguageServer.Protocol;

namespace RecipeLang.LanguageServer.Tests.InProcess;

/// <summary>Diagnostics follow every file a document depends on, and never lag behind the last edit.</summary>
public class WorkspaceDiagnosticsTests
{
    private const string Library = "recipe relithiate for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n";
    private const string Main = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate\n  then anneal 850C O2 4h\n}\n";

    [Test]
    public async Task EditingAnOpenImportedFileRepublishesTheImporter()
    {
        var server = TestServer.Start();
        var library = server.Open("lib.recipe", Library);
        var main = server.Open("main.recipe", Main);
        Assert.That(await server.CodesAsync(main), Does.Not.Contain("RL1005"));

        // The library renames its recipe: the importer's 'use relithiate' is now unknown (RL1005)...
        server.Change(library, Library.Replace("relithiate", "relithiate_lioh"));
        var broken = await server.DiagnosticsAsync(main, p => p.Diagnostics.Any(d => d.Code == "RL1005"));
        Assert.That(broken.Version, Is.EqualTo(1), "the importer itself did not change");

        // ...and when the library is put back, the error clears without touching the importer.
        server.Change(library, Library);
        await server.DiagnosticsAsync(main, p => p.Diagnostics.All(d => d.Code != "RL1005"));
    }

    [Test]
    public async Task AClosedImportedFileChangedOnDiskRepublishesTheImporter()
    {
        var server = TestServer.Start();
        server.WriteFile("lib.recipe", Library);
        var main = server.Open("main.recipe", Main);
        Assert.That(await server.CodesAsync(main), Does.Not.Contain("RL1005"));

        server.ChangeOnDisk("lib.recipe", "recipe other for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n");
        await server.DiagnosticsAsync(main, p => p.Diagnostics.Any(d => d.Code == "RL1005"));

        server.ChangeOnDisk("lib.recipe", Library);
        await server.DiagnosticsAsync(main, p => p.Diagnostics.All(d => d.Code != "RL1005"));
    }

    [Test]
    public async Task AMissingImportThatAppearsOnDiskClearsItsError()
    {
        var server = TestServer.Start();
        var main = server.Open("main.recipe", Main);
        Assert.That(await server.CodesAsync(main), Does.Contain("RL1006"));

        server.ChangeOnDisk("lib.recipe", Library);
        await server.DiagnosticsAsync(main, p => p.Diagnostics.All(d => d.Code is not ("RL1006" or "RL1005")));
    }

    [Test]
    public async Task ATransitiveImportReachesTheImporter()
    {
        var server = TestServer.Start();
        server.WriteFile("base.recipe", Library);
        server.WriteFile("lib.recipe", "import \"base.recipe\"\n");
        var main = server.Open("main.recipe", Main);
        Assert.That(await server.CodesAsync(main), Does.Not.Contain("RL1005"));

        server.ChangeOnDisk("base.recipe", "# emptied\n");
        await server.DiagnosticsAsync(main, p => p.Diagnostics.Any(d => d.Code == "RL1005"));
    }

    [Test]
    public async Task AnEditReanalysesOnlyTheDocumentsThatDependOnIt()
    {
        var server = TestServer.Start();
        var library = server.Open("lib.recipe", Library);
        var main = server.Open("main.recipe", Main);
        var unrelated = server.Open("other.recipe", "anneal 850C O2 4h\n");
        await server.CodesAsync(library);
        await server.CodesAsync(main);
        await server.CodesAsync(unrelated);

        var change = server.Server.Workspace.SetDocument(TestServer.Path("lib.recipe"), new Text.SourceText(Library + "# more\n", TestServer.Path("lib.recipe")), 5);
        Assert.That(change.Affected, Is.EquivalentTo(new[] { TestServer.Path("lib.recipe"), TestServer.Path("main.recipe") }));
    }

    [Test]
    public async Task ACrossFileRenameLeavesNoStaleDiagnostic()
    {
        var server = TestServer.Start();
        var library = server.Open("lib.recipe", Library);
        var main = server.Open("main.recipe", Main);
        Assert.That(await server.CodesAsync(main), Does.Not.Contain("RL1005"));

        var rename = await server.Server.Rename(new RenameParams(TestServer.Document(main), new Position(2, 8), "relithiate_lioh"), CancellationToken.None);
        Assert.That(rename!.Changes.Keys, Is.EquivalentTo(new[] { library, main }));
        // The client applies the edits file by file: between the two, the importer is briefly wrong...
        foreach (var (uri, edits) in rename.Changes.OrderBy(c => c.Key == main))
        {
            foreach (var edit in edits)
            {
                server.Edit(uri, new TextDocumentContentChangeEvent(edit.NewText, edit.Range));
            }
        }
        // ...and once both are applied its last diagnostics are clean again.
        var last = await server.DiagnosticsAsync(main, p => p.Version == 2 && p.Diagnostics.All(d => d.Code != "RL1005"));
        await Task.Delay(200);
        Assert.That(server.AllPublished().Where(p => p.Uri == main).SelectMany(p => p.Diagnostics).Select(d => d.Code), Does.Not.Contain("RL1005"),
            "nothing stale arrives after the clean result");
        Assert.That(last.Diagnostics.Select(d => d.Code), Does.Not.Contain("RL1005"));
    }

    [Test]
    public async Task TwoThousandRapidEditsEndWithTheDiagnosticsOfTheLastVersion()
    {
        var server = TestServer.Start();
        var uri = server.Open("burst.recipe", "recipe r for NCM811 {\n  hydrothermal 4M LiOH 180C 3h\n  then anneal 760C O2  4h\n}\n");
        await server.CodesAsync(uri);
        var version = 1;
        for (var i = 0; i < 2000; i++)
        {
            // Alternate the atmosphere: 'air' is an error for NCM811 (RL3002), 'O2' is not. The last edit writes 'air'.
            var atmosphere = i % 2 == 0 ? "O2 " : "air";
            version = server.Edit(uri, new TextDocumentContentChangeEvent(atmosphere, new Protocol.Range(new Position(2, 19), new Position(2, 22))));
        }
        Assert.That(version, Is.EqualTo(2001));
        var last = await server.DiagnosticsAsync(uri, p => p.Version == 2001);
        Assert.That(last.Diagnostics.Select(d => d.Code), Does.Contain("RL3002"));
        await Task.Delay(200);
        Assert.That(server.AllPublished().Where(p => p.Uri == uri), Is.Empty, "nothing arrives after the last version's diagnostics");
    }
}
