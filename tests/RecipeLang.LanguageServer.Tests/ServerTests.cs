using System.Text;
using System.Text.Json.Nodes;
using static RecipeLang.LanguageServer.Tests.LspClient;

namespace RecipeLang.LanguageServer.Tests;

/// <summary>Speaks LSP to the real <c>recipelang lsp</c> process.</summary>
public class ServerTests
{
    private string _directory = "";

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("recipelang-lsp-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string FileUri(string name, string? text = null)
    {
        var path = Path.Combine(_directory, name);
        if (text is not null)
        {
            File.WriteAllText(path, text);
        }
        return Uri(path);
    }

    [Test]
    public async Task InitializeAdvertisesWhatIsImplementedAndExitCodesFollowShutdown()
    {
        await using var client = Start();
        var result = await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var capabilities = result!["capabilities"]!;
        Assert.That((int)capabilities["textDocumentSync"]!["change"]!, Is.EqualTo(2), "incremental sync");
        Assert.That((bool)capabilities["hoverProvider"]!, Is.True);
        Assert.That(capabilities["semanticTokensProvider"]!["legend"]!["tokenTypes"]!.AsArray(), Is.Not.Empty);

        await client.ResultAsync("shutdown", null);
        var afterShutdown = await client.RequestAsync("textDocument/hover", At("file:///x.recipe", 0, 0));
        Assert.That((int)afterShutdown["error"]!["code"]!, Is.EqualTo(-32600), "only exit is accepted after shutdown");
        await client.NotifyAsync("exit", null);
        await WaitForExitAsync(client);
        Assert.That(client.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task ExitWithoutShutdownExitsWithOne()
    {
        await using var client = await StartInitializedAsync();
        await client.NotifyAsync("exit", null);
        await WaitForExitAsync(client);
        Assert.That(client.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task RequestsBeforeInitializeGetServerNotInitialized()
    {
        await using var client = Start();
        var response = await client.RequestAsync("textDocument/hover", At("file:///x.recipe", 0, 0));
        Assert.That((int)response["error"]!["code"]!, Is.EqualTo(-32002));
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.That((int)shutdown["error"]!["code"]!, Is.EqualTo(-32002));
    }

    [Test]
    public async Task TwoErrorsThenAnEditFixesOne()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("two.recipe");
        await client.OpenAsync(uri, "recipe r for NCM811 {\n  anneal 760C air 4h\n  then coat Li3PO4 1wt% @\n}\n");

        var first = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        var errors = first["diagnostics"]!.AsArray().Where(d => (int)d!["severity"]! == 1).ToList();
        Assert.That(errors.Select(d => (string?)d!["code"]), Is.EquivalentTo(new[] { "RL3002", "RL0001" }));
        var atmosphere = errors.Single(d => (string?)d!["code"] == "RL3002")!["range"]!;
        Assert.That(((int)atmosphere["start"]!["line"]!, (int)atmosphere["start"]!["character"]!, (int)atmosphere["end"]!["character"]!), Is.EqualTo((1, 14, 17)));
        Assert.That((string?)errors.Single(d => (string?)d!["code"] == "RL3002")!["codeDescription"]!["href"], Is.EqualTo("vscode://recipelang.recipelang/explain?code=RL3002"), "the client's ruleDocsUri");

        // An incremental edit replacing "air" with "O2".
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = Position(1, 14), ["end"] = Position(1, 17) },
                ["text"] = "O2",
            }),
        });
        var second = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == 2);
        Assert.That(second["diagnostics"]!.AsArray().Where(d => (int)d!["severity"]! == 1).Select(d => (string?)d!["code"]), Is.EqualTo(new[] { "RL0001" }));
    }

    [Test]
    public async Task HoverShowsOperationDocsAndQuantitiesInOtherUnits()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("hover.recipe");
        await client.OpenAsync(uri, "recipe r for NCM523 {\n  hydrothermal 4M LiOH 220C 3h\n}\n");

        var operation = await client.ResultAsync("textDocument/hover", At(uri, 1, 4));
        Assert.That((string?)operation!["contents"]!["value"], Does.Contain("**hydrothermal**").And.Contain("| parameter |"));

        var temperature = await client.ResultAsync("textDocument/hover", At(uri, 1, 24));
        Assert.That((string?)temperature!["contents"]!["value"], Does.Contain("220 °C = 493.15 K").And.Contain("23.2 bar"));

        var material = await client.ResultAsync("textDocument/hover", At(uri, 0, 15));
        Assert.That((string?)material!["contents"]!["value"], Does.Contain("Anneal window"));
    }

    [Test]
    public async Task CompletionFollowsTheContext()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("complete.recipe");
        await client.OpenAsync(uri, "recipe r for \nrecipe s for NCM523 {\n  \n  anneal 850C \n  anneal 850\n}\n");

        async Task<IEnumerable<string?>> Labels(int line, int character) =>
            (await client.ResultAsync("textDocument/completion", At(uri, line, character)))!["items"]!.AsArray().Select(i => (string?)i!["label"]);

        Assert.That(await Labels(0, 13), Does.Contain("NCM811"), "materials after 'for'");
        Assert.That(await Labels(2, 2), Does.Contain("anneal").And.Contain("hydrothermal"), "operations at a step's start");
        Assert.That(await Labels(3, 14), Does.Contain("O2").And.Contain("ramp"), "atmospheres and keywords inside an anneal");
        Assert.That((await Labels(4, 12)).Take(5), Does.Contain("C").Or.Contain("K"), "units right after a number");
    }

    [Test]
    public async Task CompletionOffersRecipesAfterUseDefectsAfterDefectsAndReagentsInAWetStep()
    {
        // Written to disk so that the import resolves.
        _ = FileUri("lib.recipe", "recipe relithiate for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n");
        await using var client = await StartInitializedAsync();
        var uri = FileUri("uses.recipe");
        await client.OpenAsync(uri, "import \"lib.recipe\"\nrecipe local for NCM523 {\n  anneal 850C O2 4h\n}\nrecipe r for NCM523 {\n  defects \n  use \n  then hydrothermal 4M \n}\n");

        async Task<IEnumerable<string?>> Labels(int line, int character) =>
            (await client.ResultAsync("textDocument/completion", At(uri, line, character)))!["items"]!.AsArray().Select(i => (string?)i!["label"]);

        Assert.That(await Labels(5, 10), Does.Contain("lithium_loss").And.Contain("cation_mixing"), "defects after 'defects'");
        Assert.That(await Labels(6, 6), Does.Contain("relithiate").And.Contain("local"), "imported and local recipes after 'use'");
        Assert.That(await Labels(7, 23), Does.Contain("LiOH").And.Contain("KOH"), "reagents in a hydrothermal step");
    }

    [Test]
    public async Task FormattingReturnsTheCanonicalText()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("format.recipe");
        await client.OpenAsync(uri, "anneal   850 °C O2 ;dry 80C\n");

        var edits = await client.ResultAsync("textDocument/formatting", new JsonObject { ["textDocument"] = Document(uri), ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true } });
        Assert.That((string?)edits!.AsArray().Single()!["newText"], Is.EqualTo("anneal 850C O2\nthen dry 80C\n"));
    }

    [Test]
    public async Task AQuickFixAppliedClearsItsDiagnostic()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("fix.recipe");
        const string text = "recipe r for NCM811 {\n  anneal 760C air 4h\n}\n";
        await client.OpenAsync(uri, text);
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        var diagnostic = published["diagnostics"]!.AsArray().First(d => (string?)d!["code"] == "RL3002")!;

        var actions = await client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = Document(uri),
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()) },
        });
        var action = actions!.AsArray().Single(a => (string?)a!["title"] == "Anneal in O2")!;
        var edit = action["edit"]!["changes"]![uri]!.AsArray().Single()!;
        Assert.That((string?)edit["newText"], Is.EqualTo("O2"));

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = edit["range"]!.DeepClone(), ["text"] = "O2" }),
        });
        var after = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == 2);
        Assert.That(after["diagnostics"]!.AsArray().Select(d => (string?)d!["code"]), Does.Not.Contain("RL3002"));
    }

    [Test]
    public async Task RenameARecipeAcrossTwoFiles()
    {
        const string library = "recipe relithiate(T: temperature = 180C) {\n  hydrothermal 4M LiOH T 3h\n}\n";
        const string main = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate(T = 200C)\n  then wash water x3\n}\n";
        var libraryUri = FileUri("lib.recipe", library);
        var mainUri = FileUri("main.recipe", main);
        await using var client = await StartInitializedAsync(Uri(_directory));
        await client.OpenAsync(libraryUri, library);
        await client.OpenAsync(mainUri, main);

        var definition = await client.ResultAsync("textDocument/definition", At(mainUri, 2, 8));
        Assert.That((string?)definition!.AsArray().Single()!["uri"], Is.EqualTo(libraryUri));

        var rename = await client.ResultAsync("textDocument/rename", new JsonObject
        {
            ["textDocument"] = Document(mainUri),
            ["position"] = Position(2, 8),
            ["newName"] = "relithiate_lioh",
        });
        var changes = rename!["changes"]!.AsObject();
        Assert.That(changes.Select(c => c.Key), Is.EquivalentTo(new[] { libraryUri, mainUri }));
        Assert.That(changes.SelectMany(c => c.Value!.AsArray()).Select(e => (string?)e!["newText"]), Is.All.EqualTo("relithiate_lioh"));

        var invalid = await client.RequestAsync("textDocument/rename", new JsonObject { ["textDocument"] = Document(mainUri), ["position"] = Position(2, 8), ["newName"] = "two words" });
        Assert.That((int)invalid["error"]!["code"]!, Is.EqualTo(-32602));
    }

    [Test]
    public async Task RenameInALibraryReachesClosedImportersInTheWorkspaceFolders()
    {
        const string library = "recipe relithiate for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n";
        const string importer = "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate\n}\n";
        var libraryUri = FileUri("lib.recipe", library);
        var nested = Directory.CreateDirectory(Path.Combine(_directory, "more")).FullName;
        File.WriteAllText(Path.Combine(nested, "other.recipe"), "import \"../lib.recipe\"\nrecipe other for NCM523 {\n  use relithiate\n}\n");
        var importerUri = FileUri("main.recipe", importer);
        var otherUri = Uri(Path.Combine(nested, "other.recipe"));
        await using var client = await StartInitializedAsync();
        await client.OpenAsync(libraryUri, library);
        var rename = new JsonObject { ["textDocument"] = Document(libraryUri), ["position"] = Position(0, 9), ["newName"] = "relithiate_lioh" };

        // No workspace folder yet: only the open library is known.
        var alone = await client.ResultAsync("textDocument/rename", rename.DeepClone());
        Assert.That(alone!["changes"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(new[] { libraryUri }));

        await client.NotifyAsync("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject { ["added"] = new JsonArray(new JsonObject { ["uri"] = Uri(_directory), ["name"] = "recipes" }), ["removed"] = new JsonArray() },
        });
        var everywhere = (await client.ResultAsync("textDocument/rename", rename.DeepClone()))!["changes"]!.AsObject();
        Assert.That(everywhere.Select(c => c.Key), Is.EquivalentTo(new[] { libraryUri, importerUri, otherUri }));
        var importerEdit = everywhere[importerUri]!.AsArray().Single()!;
        Assert.That(importerEdit["range"]!.ToJsonString(), Is.EqualTo(new JsonObject { ["start"] = Position(2, 6), ["end"] = Position(2, 16) }.ToJsonString()));

        var references = await client.ResultAsync("textDocument/references", new JsonObject
        {
            ["textDocument"] = Document(libraryUri), ["position"] = Position(0, 9), ["context"] = new JsonObject { ["includeDeclaration"] = false },
        });
        Assert.That(references!.AsArray().Select(r => (string?)r!["uri"]), Is.EquivalentTo(new[] { importerUri, otherUri }));
    }

    [Test]
    public async Task AChangedRecipelangJsonReconfiguresTheOpenDocuments()
    {
        await using var client = await StartInitializedAsync(Uri(_directory));
        var uri = FileUri("site.recipe");
        await client.OpenAsync(uri, "recipe r for NCM523 {\n  hydrothermal 4M LiOH 220C 3h\n}\n");
        var before = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        Assert.That(before["diagnostics"]!.AsArray().Select(d => (string?)d!["code"]), Does.Contain("RL3004"));

        client.ClearNotifications();
        var config = Path.Combine(_directory, "recipelang.json");
        File.WriteAllText(config, "{ \"rules\": { \"RL3004\": \"off\" } }");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(config), ["type"] = 1 }),
        });
        var after = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri);
        Assert.That(after["diagnostics"]!.AsArray().Select(d => (string?)d!["code"]), Does.Not.Contain("RL3004"));
    }

    [Test]
    public async Task SemanticTokensFullAndDelta()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("tokens.recipe");
        await client.OpenAsync(uri, "# note\nanneal 850C O2\n");

        var full = await client.ResultAsync("textDocument/semanticTokens/full", new JsonObject { ["textDocument"] = Document(uri) });
        var data = full!["data"]!.AsArray().Select(n => (int)n!).ToArray();
        // comment (6) at 0:0, then 'anneal' (function, 1) at 1:0, '850' (number, 4), 'C' (operator, 10), 'O2' (enumMember, 8).
        Assert.That(data.Chunk(5).Select(t => t[3]), Is.EqualTo(new[] { 6, 1, 4, 10, 8 }));

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = "# note\nanneal 850C O2 4h\n" }),
        });
        var delta = await client.ResultAsync("textDocument/semanticTokens/full/delta", new JsonObject { ["textDocument"] = Document(uri), ["previousResultId"] = (string?)full["resultId"] });
        Assert.That(delta!["edits"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SymbolsFoldingAndInlayHints()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("symbols.recipe");
        await client.OpenAsync(uri, "recipe r for NCM523 {\n  hydrothermal 4M LiOH 220C 3h\n  then anneal 850C O2 4h\n}\n");

        var symbols = await client.ResultAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = Document(uri) });
        Assert.That(symbols!.AsArray().Single()!["children"]!.AsArray().Select(c => (string?)c!["name"]), Is.EqualTo(new[] { "1. hydrothermal", "2. anneal" }));

        var folding = await client.ResultAsync("textDocument/foldingRange", new JsonObject { ["textDocument"] = Document(uri) });
        Assert.That((int)folding!.AsArray().Single()!["startLine"]!, Is.EqualTo(0));

        var hints = await client.ResultAsync("textDocument/inlayHint", new JsonObject { ["textDocument"] = Document(uri), ["range"] = new JsonObject { ["start"] = Position(0, 0), ["end"] = Position(4, 0) } });
        Assert.That(hints!.AsArray().Select(h => (string?)h!["label"]), Does.Contain("≈23.2 bar").And.Contain("7 h in total").And.Contain("2."));
    }

    [Test]
    public async Task MalformedInputDoesNotStopTheServer()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("robust.recipe");
        await client.OpenAsync(uri, "anneal 850C O2\n");

        await client.SendRawAsync([0x00, 0xFF, 0xFE, .. "garbage without a header"u8.ToArray()]);
        await client.SendRawAsync(Encoding.ASCII.GetBytes("Content-Length: banana\r\n\r\n{}"));
        await client.SendRawAsync(Frame("{ this is not json"));
        await client.SendRawAsync(Frame("[1, 2, 3]"));
        await client.SendRawAsync(Frame("{}"));
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"id\": {\"nested\": 1}, \"method\": \"textDocument/hover\"}"));
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": 5}"));
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"method\": \"textDocument/didOpen\", \"params\": \"text\"}"));
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"id\": 78, \"result\": null}"));
        var wrongParams = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 42 });
        Assert.That((int)wrongParams["error"]!["code"]!, Is.EqualTo(-32602));
        var missingParams = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.That((int)missingParams["error"]!["code"]!, Is.EqualTo(-32602));
        await client.NotifyAsync("textDocument/didChange", new JsonObject { ["textDocument"] = "not an object" });
        var unknown = await client.RequestAsync("recipelang/noSuchMethod", new JsonObject());
        Assert.That((int)unknown["error"]!["code"]!, Is.EqualTo(-32601));
        var outOfRange = await client.ResultAsync("textDocument/hover", At(uri, 999, 999));
        Assert.That(outOfRange, Is.Null);

        var hover = await client.ResultAsync("textDocument/hover", At(uri, 0, 2));
        Assert.That((string?)hover!["contents"]!["value"], Does.Contain("anneal"));
        Assert.That(client.HasExited, Is.False);
        Assert.That(client.ServerLog, Does.Contain("dropped"));
    }

    [Test]
    public async Task ACancelledRequestAnswersRequestCancelledAndTheServerGoesOn()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("cancel.recipe");
        var text = new StringBuilder();
        for (var i = 0; i < 1250; i++)
        {
            text.Append($"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
        }
        // One write: open a large document, ask for its symbols (the first analysis takes a while), queue a hover
        // behind it and cancel the hover. Messages are handled in order, so the hover is still waiting when the
        // cancellation (handled on arrival) reaches it.
        var symbols = client.PrepareRequest("textDocument/documentSymbol", new JsonObject { ["textDocument"] = Document(uri) });
        var hover = client.PrepareRequest("textDocument/hover", At(uri, 1, 4));
        var open = Frame(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen",
            ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "recipe", ["version"] = 1, ["text"] = text.ToString() } },
        }.ToJsonString());
        var cancel = Frame(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = hover.Id } }.ToJsonString());
        await client.SendRawAsync([.. open, .. symbols.Frame, .. hover.Frame, .. cancel]);

        Assert.That((await symbols.Response)["result"]!.AsArray(), Has.Count.EqualTo(1250));
        Assert.That((int)(await hover.Response)["error"]!["code"]!, Is.EqualTo(-32800));
        var again = await client.ResultAsync("textDocument/hover", At(uri, 1, 4));
        Assert.That((string?)again!["contents"]!["value"], Does.Contain("hydrothermal"));
    }

    [Test]
    public async Task BurstOfEditsOnALargeDocumentEndsWithTheLastVersion()
    {
        await using var client = await StartInitializedAsync();
        var uri = FileUri("large.recipe");
        var text = new StringBuilder();
        for (var i = 0; i < 1250; i++)
        {
            text.Append($"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
        }
        var document = text.ToString();
        Assert.That(document.Split('\n').Length, Is.GreaterThanOrEqualTo(5000));
        await client.OpenAsync(uri, document);

        const int edits = 2000;
        for (var version = 2; version <= edits + 1; version++)
        {
            // Each edit changes the first recipe's temperature: 180C, 181C, ... so versions differ in content.
            await client.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = Position(1, 23), ["end"] = Position(1, 26) },
                    ["text"] = (100 + version % 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                }),
            });
        }
        var last = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (int?)p["version"] == edits + 1, TimeSpan.FromSeconds(60));
        Assert.That(last["diagnostics"], Is.Not.Null);
        // Nothing older may arrive after the last version's diagnostics.
        await Task.Delay(500);
        Assert.That((int?)client.LastReceived("textDocument/publishDiagnostics")!["version"], Is.EqualTo(edits + 1));
        var hover = await client.ResultAsync("textDocument/hover", At(uri, 1, 4));
        Assert.That(hover, Is.Not.Null);
        Assert.That(client.HasExited, Is.False);
    }

    private static async Task WaitForExitAsync(LspClient client)
    {
        for (var i = 0; i < 100 && !client.HasExited; i++)
        {
            await Task.Delay(100);
        }
        Assert.That(client.HasExited, Is.True, "the server exits on 'exit'");
    }
}
