using System.Text;
using System.Text.Json.Nodes;
using static RecipeLang.LanguageServer.Tests.LspClient;

namespace RecipeLang.LanguageServer.Tests;

/// <summary>A few sessions with the real <c>recipelang lsp</c> process: stdio framing, exit codes, a real edit cycle.</summary>
public class ProcessSmokeTests
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

    private static async Task WaitForExitAsync(LspClient client)
    {
        for (var i = 0; i < 100 && !client.HasExited; i++)
        {
            await Task.Delay(100);
        }
        Assert.That(client.HasExited, Is.True, "the server exits on 'exit'");
    }
}
