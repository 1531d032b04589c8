using System.Text.Json.Nodes;
using static RecipeLang.LanguageServer.Tests.LspClient;

namespace RecipeLang.LanguageServer.Tests;

/// <summary>JSON-RPC and LSP rules the transport enforces, on the host in this process over in-memory pipes.</summary>
public class ProtocolTests
{
    [Test]
    public async Task MalformedJsonIsAnsweredWithParseErrorAndTheServerGoesOn()
    {
        await using var client = await StartInProcessInitializedAsync();
        await client.SendRawAsync(Frame("{ this is not json"));
        var error = await client.WaitForErrorAsync(-32700);
        Assert.That(error["id"], Is.Null);
        Assert.That((string?)error["error"]!["message"], Does.StartWith("invalid JSON"));
        Assert.That(await client.ResultAsync("textDocument/hover", At("file:///nowhere.recipe", 0, 0)), Is.Null, "still answering");
    }

    [Test]
    public async Task InvalidRequestsAreAnsweredWithInvalidRequest()
    {
        await using var client = await StartInProcessInitializedAsync();
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": 5}"));
        var withId = await client.WaitForErrorAsync(-32600);
        Assert.That((int?)withId["id"], Is.EqualTo(77), "the request's own id when it has a usable one");

        await client.SendRawAsync(Frame("[1, 2, 3]"));
        await client.SendRawAsync(Frame("{\"jsonrpc\": \"2.0\", \"id\": {\"nested\": 1}, \"method\": \"textDocument/hover\"}"));
        await client.SendRawAsync(Frame("{\"id\": 78, \"method\": \"textDocument/hover\"}"));
        var array = await client.WaitForErrorAsync(-32600);
        var objectId = await client.WaitForErrorAsync(-32600);
        var noVersion = await client.WaitForErrorAsync(-32600);
        Assert.That(array["id"], Is.Null);
        Assert.That(objectId["id"], Is.Null, "an unusable id is answered with null");
        Assert.That((int?)noVersion["id"], Is.EqualTo(78));
        Assert.That(client.HasExited, Is.False);
    }

    [Test]
    public async Task ASecondInitializeIsRefused()
    {
        await using var client = await StartInProcessInitializedAsync();
        var again = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.That((int)again["error"]!["code"]!, Is.EqualTo(-32600));
    }

    [Test]
    public async Task WatchersAreRegisteredWithARequestWhoseAnswerIsAbsorbed()
    {
        await using var client = StartInProcess();
        await client.ResultAsync("initialize", new JsonObject
        {
            ["capabilities"] = new JsonObject { ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } } },
        });
        await client.NotifyAsync("initialized", new JsonObject());
        var register = await client.WaitForNotificationAsync("client/registerCapability");
        Assert.That((string?)register["registrations"]![0]!["method"], Is.EqualTo("workspace/didChangeWatchedFiles"));
        // The client answers the server's request (it has no id of the client's); the server takes it and goes on.
        var request = client.LastReceivedMessage("client/registerCapability")!;
        await client.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = null });
        Assert.That(await client.ResultAsync("textDocument/hover", At("file:///nowhere.recipe", 0, 0)), Is.Null);
    }
}
