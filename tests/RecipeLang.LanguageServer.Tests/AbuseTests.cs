using System.Text.Json.Nodes;
using static RecipeLang.LanguageServer.Tests.LspClient;

namespace RecipeLang.LanguageServer.Tests;

/// <summary>
/// The server under abuse, over the real JSON-RPC framing in this process: it answers as the LSP spec says and stays
/// up. Seeded, so a failure reproduces.
/// </summary>
public class AbuseTests
{
    private const string Recipe = "recipe r for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n  then wash water x3\n  then dry 80C 12h vacuum\n  then anneal 850C O2 4h\n}\n";

    [Test]
    public async Task RequestsBeforeInitializeAreRefusedWithServerNotInitialized()
    {
        await using var client = StartInProcess();

        var hover = await client.RequestAsync("textDocument/hover", At("file:///x.recipe", 0, 0));

        Assert.That((int)hover["error"]!["code"]!, Is.EqualTo(-32002));
        Assert.That(await client.ResultAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() }), Is.Not.Null, "initialize still works");
    }

    [Test]
    public async Task WrongParamsAreAnsweredWithInvalidParamsAndOutOfRangePositionsWithNothing()
    {
        await using var client = await StartInProcessInitializedAsync();
        var uri = Uri("/ws/a.recipe");
        await client.OpenAsync(uri, Recipe);

        var wrong = await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = 42, ["position"] = "here" });
        Assert.That((int)wrong["error"]!["code"]!, Is.EqualTo(-32602));

        foreach (var (line, character) in new[] { (1_000_000, 0), (0, 1_000_000), (-1, 0), (0, -5), (int.MaxValue, int.MaxValue) })
        {
            foreach (var method in new[] { "textDocument/hover", "textDocument/definition", "textDocument/completion", "textDocument/signatureHelp", "textDocument/references" })
            {
                var parameters = At(uri, line, character);
                if (method == "textDocument/references")
                {
                    parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
                }
                var answer = await client.RequestAsync(method, parameters);
                Assert.That(answer["error"]?["code"]?.GetValue<int>() is null or -32602, $"{method} at {line}:{character}: {answer.ToJsonString()}");
            }
        }
        Assert.That(await client.ResultAsync("textDocument/hover", At(uri, 1, 3)), Is.Not.Null, "still answering");
        Assert.That(client.HasExited, Is.False);
    }

    [Test]
    public async Task TenThousandRapidEditsAcrossManyDocumentsEndWithTheLastVersionsDiagnostics()
    {
        await using var client = await StartInProcessInitializedAsync();
        var random = new Random(20261202);
        var uris = Enumerable.Range(0, 20).Select(i => Uri($"/ws/doc{i}.recipe")).ToArray();
        var texts = uris.ToDictionary(u => u, _ => Recipe);
        var versions = uris.ToDictionary(u => u, _ => 1);
        foreach (var uri in uris)
        {
            await client.OpenAsync(uri, Recipe);
        }
        string[] pieces = ["then anneal 900C N2 2h\n", "850C", "\u0000", "{", "}", "\"", "#", "recipe x {", "then", ";", "🔥", "\u202e", "use r", "let T = 300C\n", "\n\n"];

        for (var i = 0; i < 10_000; i++)
        {
            var uri = uris[random.Next(uris.Length)];
            var text = texts[uri];
            var start = random.Next(text.Length + 1);
            var end = Math.Min(text.Length, start + random.Next(0, 6));
            var insert = random.Next(3) == 0 ? "" : pieces[random.Next(pieces.Length)];
            var (startLine, startCharacter) = Position(text, start);
            var (endLine, endCharacter) = Position(text, end);
            texts[uri] = text[..start] + insert + text[end..];
            versions[uri]++;
            await client.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = versions[uri] },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject { ["start"] = LspClient.Position(startLine, startCharacter), ["end"] = LspClient.Position(endLine, endCharacter) },
                    ["text"] = insert,
                }),
            });
            if (i % 500 == 0)
            {
                // A request now and then, at a position that may no longer exist.
                _ = await client.RequestAsync("textDocument/hover", At(uri, random.Next(-1, 40), random.Next(-1, 80)));
            }
        }

        // Each document ends on its last version's diagnostics, and they are what the same text opened afresh gets.
        var last = new Dictionary<string, JsonNode>();
        foreach (var uri in uris)
        {
            last[uri] = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
                p => (string?)p["uri"] == uri && (int?)p["version"] == versions[uri], TimeSpan.FromSeconds(60));
        }
        foreach (var uri in uris.Take(3))
        {
            var fresh = uri.Replace(".recipe", "-fresh.recipe");
            await client.OpenAsync(fresh, texts[uri]);
            var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == fresh, TimeSpan.FromSeconds(60));
            Assert.That(Codes(last[uri]), Is.EqualTo(Codes(published)), $"{uri}: the incrementally edited text says what the same text opened afresh says");
        }
        Assert.That(client.HasExited, Is.False);
    }

    [Test]
    public async Task AHugeDocumentGetsOneDiagnosticAndTheServerStaysResponsive()
    {
        await using var client = await StartInProcessInitializedAsync();
        var uri = Uri("/ws/huge.recipe");
        var huge = string.Concat(Enumerable.Repeat(Recipe.Replace("recipe r ", "recipe r_"), 40_000)); // ~5 MB

        await client.OpenAsync(uri, huge);
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => (string?)p["uri"] == uri, TimeSpan.FromSeconds(60));

        Assert.That(published["diagnostics"]!.AsArray(), Has.Count.EqualTo(1));
        var hover = await client.RequestAsync("textDocument/hover", At(uri, 1, 3));
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new JsonObject { ["textDocument"] = Document(uri) });
        Assert.That(hover["error"], Is.Null, hover.ToJsonString());
        Assert.That(symbols["error"], Is.Null, symbols.ToJsonString());
        Assert.That(client.HasExited, Is.False);
    }

    private static string[] Codes(JsonNode published) =>
        [.. published["diagnostics"]!.AsArray().Select(d => $"{(string?)d!["code"]}@{d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}").Order(StringComparer.Ordinal)];

    private static (int Line, int Character) Position(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart);
    }
}
