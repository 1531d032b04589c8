using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;

namespace RecipeLang.LanguageServer.Tests.InProcess;

/// <summary>Features on <c>$0</c> fixtures, through the server's handlers in memory.</summary>
public class FeatureTests
{
    private const string Library = "let T_lib = 180C\nrecipe relithiate(T: temperature = 200C) for NCM523 {\n  hydrothermal 4M LiOH T 3h\n}\n";

    private static async Task<string?> HoverAsync(TestServer server, string name, string marked)
    {
        var (text, cursor) = Fixture.Parse(marked);
        var uri = server.Open(name, text);
        return (await server.Server.Hover(TestServer.At(uri, cursor), CancellationToken.None))?.Contents.Value;
    }

    private static async Task<Location[]> DefinitionAsync(TestServer server, string name, string marked)
    {
        var (text, cursor) = Fixture.Parse(marked);
        var uri = server.Open(name, text);
        return await server.Server.Definition(TestServer.At(uri, cursor), CancellationToken.None) ?? [];
    }

    private static async Task<string[]> CompletionAsync(string marked)
    {
        var server = TestServer.Start();
        var (text, cursor) = Fixture.Parse(marked);
        var uri = server.Open("c.recipe", text);
        return [.. (await server.Server.Completion(TestServer.At(uri, cursor), CancellationToken.None))!.Items.Select(i => i.Label)];
    }

    [Test]
    public async Task HoverOnAnImportedRecipeSummarisesItAndSaysWhereItIs()
    {
        var server = TestServer.Start();
        server.WriteFile("lib.recipe", Library);
        var hover = await HoverAsync(server, "main.recipe", "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relith$0iate\n}\n");
        Assert.That(hover, Does.Contain("**recipe** `relithiate` for NCM523").And.Contain("1 steps").And.Contain("Defined in lib.recipe"));
    }

    [Test]
    public async Task HoverOnALetNameShowsItsValue()
    {
        var hover = await HoverAsync(TestServer.Start(), "let.recipe", "let T_anneal = 850C\nrecipe r for NCM523 {\n  anneal T_ann$0eal O2 4h\n}\n");
        Assert.That(hover, Is.EqualTo("**let** `T_anneal` = `850C`"));
    }

    [Test]
    public async Task HoverOnAMaterialKnownByItsNiFractionShowsTheOpenSplit()
    {
        var hover = await HoverAsync(TestServer.Start(), "ncm65.recipe", "recipe r for NC$0M65 {\n  anneal 800C O2 4h\n}\n");
        Assert.That(hover, Does.StartWith("**NCM65** — Li Ni0.65 (Co+Mn)0.35 O2\n\nCo/Mn split not known: molar mass 97.02 ± 0.7 g/mol"));
    }

    [Test]
    public async Task HoverOnAParameterShowsItsTypeAndDefault()
    {
        var hover = await HoverAsync(TestServer.Start(), "param.recipe", "recipe r(T: temperature = 220C) for NCM523 {\n  hydrothermal 4M LiOH $0T 3h\n}\n");
        Assert.That(hover, Is.EqualTo("**parameter** `T`: temperature = `220C` of recipe `r`"));
    }

    [Test]
    public async Task HoverOnANamedArgumentOfAnImportedRecipeShowsTheParameter()
    {
        var server = TestServer.Start();
        server.WriteFile("lib.recipe", Library);
        var hover = await HoverAsync(server, "main.recipe", "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use relithiate($0T = 190C)\n}\n");
        Assert.That(hover, Does.StartWith("**parameter** `T`: temperature = `200C` of recipe `relithiate`").And.Contain("Defined in lib.recipe"));
    }

    [Test]
    public async Task DefinitionOfAnImportedRecipeALetAndAParameter()
    {
        var server = TestServer.Start();
        var libraryUri = server.WriteFile("lib.recipe", Library);
        var imported = await DefinitionAsync(server, "a.recipe", "import \"lib.recipe\"\nrecipe main for NCM523 {\n  use $0relithiate\n}\n");
        Assert.That(imported.Single(), Is.EqualTo(new Location(libraryUri, new Protocol.Range(new Position(1, 7), new Position(1, 17)))));

        var let = await DefinitionAsync(server, "b.recipe", "let T_anneal = 850C\nanneal T_anneal$0 O2 4h\n");
        Assert.That(let.Single().Range.Start, Is.EqualTo(new Position(0, 4)));

        var parameter = await DefinitionAsync(server, "c.recipe", "recipe r(T: temperature = 220C) {\n  hydrothermal 4M LiOH T$0 3h\n}\n");
        Assert.That(parameter.Single().Range.Start, Is.EqualTo(new Position(0, 9)));
    }

    [Test]
    public async Task NoCompletionInsideACommentOrAString()
    {
        Assert.That(await CompletionAsync("recipe r for NCM523 {\n  anneal 850C O2 4h # then $0\n}\n"), Is.Empty, "in a comment");
        Assert.That(await CompletionAsync("# a comment $0\n"), Is.Empty, "in a comment on its own line");
        Assert.That(await CompletionAsync("import \"lib $0\n"), Is.Empty, "in a string");
        Assert.That(await CompletionAsync("recipe r for NCM523 {\n  $0\n}\n"), Does.Contain("anneal"), "a step's start still completes");
        Assert.That(await CompletionAsync("import \"lib.recipe\" $0\n"), Is.Not.Null, "after a closed string completion goes on");
    }

    [Test]
    public async Task CodeActionsHonourContextOnlyAndTheRange()
    {
        var server = TestServer.Start();
        var uri = server.Open("fix.recipe", "recipe r for NCM811 {\n  anneal 760C air 4h\n}\nrecipe s for NCM811 {\n  anneal 760C air 4h\n}\n");
        await server.CodesAsync(uri);
        async Task<CodeAction[]> Actions(Protocol.Range range, string[]? only) =>
            (await server.Server.CodeActions(new CodeActionParams(TestServer.Document(uri), range, new CodeActionContext(default, only)), CancellationToken.None))!;
        var firstAir = new Protocol.Range(new Position(1, 14), new Position(1, 17));

        Assert.That((await Actions(firstAir, null)).Select(a => a.Title), Does.Contain("Anneal in O2"));
        Assert.That((await Actions(firstAir, ["quickfix"])).Select(a => a.Title), Does.Contain("Anneal in O2"));
        Assert.That(await Actions(firstAir, ["source.organizeImports"]), Is.Empty, "only source actions asked for");
        Assert.That(await Actions(firstAir, ["refactor"]), Is.Empty);
        var onlyFirst = await Actions(firstAir, null);
        Assert.That(onlyFirst.SelectMany(a => a.Edit.Changes[uri]).Select(e => e.Range.Start.Line), Is.All.EqualTo(1), "the second recipe's fix is outside the range");
        var both = await Actions(TestServer.Whole, null);
        Assert.That(both.SelectMany(a => a.Edit.Changes[uri]).Select(e => e.Range.Start.Line).Distinct(), Is.EquivalentTo(new[] { 1, 4 }));
    }

    [Test]
    public async Task DocumentSymbolsListEveryStepIncludingUseNumberedLikeTheInlayHints()
    {
        var server = TestServer.Start();
        server.WriteFile("lib.recipe", "recipe relithiate for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n  then wash water x3\n}\n");
        var uri = server.Open("main.recipe", "import \"lib.recipe\"\nrecipe main for NCM523 {\n  dry 80C 12h\n  then use relithiate\n  then anneal 850C O2 4h\n}\n");
        var symbols = await server.Server.DocumentSymbols(new DocumentSymbolParams(TestServer.Document(uri)), CancellationToken.None);
        var steps = symbols!.Single().Children!.Select(c => c.Name).ToArray();
        Assert.That(steps, Is.EqualTo(new[] { "1. dry", "2–3. use relithiate", "4. anneal" }));

        var hints = await server.Server.InlayHints(new InlayHintParams(TestServer.Document(uri), TestServer.Whole), CancellationToken.None);
        var numbers = hints!.Where(h => h.Kind == 2).Select(h => h.Label).ToArray();
        Assert.That(numbers, Is.EqualTo(steps.Select(s => s.Split(' ')[0]).ToArray()), "the same numbers as the symbols");
    }

    [Test]
    public async Task AfterAnEditHoverAndInlayHintsBindOnlyTheRecipesTheyShow()
    {
        // The server's workspace keeps no bound recipes, and an edit reuses the untouched ones unbound: the features
        // bind the recipes in their range on demand and must see the same steps as before the edit.
        var server = TestServer.Start();
        var (text, cursor) = Fixture.Parse("recipe a for NCM523 {\n  dry 80C 12h\n}\nrecipe b for NCM523 {\n  hydrothermal 4M LiOH 22$00C 3h\n  then anneal 850C O2 4h\n}\n");
        var uri = server.Open("edit.recipe", text);
        await server.DiagnosticsAsync(uri);
        var version = server.Edit(uri, new TextDocumentContentChangeEvent("90", new Range(new Position(1, 6), new Position(1, 8))));
        await server.DiagnosticsAsync(uri, p => p.Version == version);
        var recipeB = new Range(new Position(3, 0), new Position(6, 1));
        var hints = await server.Server.InlayHints(new InlayHintParams(TestServer.Document(uri), recipeB), CancellationToken.None);
        Assert.That(hints!.Where(h => h.Kind == 2).Select(h => h.Label), Is.EqualTo(new[] { "1.", "2." }));
        Assert.That(hints!.Where(h => h.Kind == 1).Select(h => h.Label), Does.Contain("7 h in total").And.Some.StartsWith("≈"));
        var hover = await server.Server.Hover(TestServer.At(uri, cursor), CancellationToken.None);
        Assert.That(hover!.Contents.Value, Does.Contain("Vapour pressure of water at 220 °C"));
    }

    [Test]
    public async Task ALowerDocumentVersionIsIgnored()
    {
        var server = TestServer.Start();
        var uri = server.Open("v.recipe", "anneal 850C O2 4h\n");
        server.Server.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 5), [new TextDocumentContentChangeEvent("anneal 850C air 4h\n")]));
        server.Server.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3), [new TextDocumentContentChangeEvent("wash water x3\n")]));
        server.Server.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 5), [new TextDocumentContentChangeEvent("wash water x3\n")]));

        var hover = await server.Server.Hover(TestServer.At(uri, new Position(0, 2)), CancellationToken.None);
        Assert.That(hover!.Contents.Value, Does.Contain("**anneal**"), "version 5's text is kept");
        await server.DiagnosticsAsync(uri, p => p.Version == 5);
    }

    [Test]
    public async Task AFileOverTheSizeLimitGetsOneDiagnosticAndNoAnalysis()
    {
        var server = TestServer.Start("""{ "maxDocumentLength": 1000 }""");
        var uri = server.Open("big.recipe", string.Concat(Enumerable.Repeat("anneal 850C air 4h\n", 100)));
        var published = await server.DiagnosticsAsync(uri);
        Assert.That(published.Diagnostics.Single().Message, Does.Contain("over the language server's limit of 1,000").And.Contain("maxDocumentLength"));
        Assert.That(await server.Server.Hover(TestServer.At(uri, new Position(0, 2)), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task WatchersAreRegisteredWhenTheClientCanRegisterThemDynamically()
    {
        var watching = TestServer.Start(capabilities: """{ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }""");
        var registration = watching.Registrations.Single().Registrations.Single();
        Assert.That(registration.Method, Is.EqualTo("workspace/didChangeWatchedFiles"));
        Assert.That(((DidChangeWatchedFilesRegistrationOptions)registration.RegisterOptions).Watchers.Select(w => w.GlobPattern), Is.EquivalentTo(new[] { "**/*.recipe", "**/recipelang.json" }));
        Assert.That(TestServer.Start().Registrations, Is.Empty, "a client without dynamic registration is not asked");
        await Task.CompletedTask;
    }
}
