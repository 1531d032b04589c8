using System.IO.Abstractions.TestingHelpers;
using System.Text.Json;
using RecipeLang.LanguageServer.Hosting;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;

namespace RecipeLang.LanguageServer.Tests.InProcess;

/// <summary>
/// The server driven through its handlers in memory, on a mock file system under <c>/ws</c>: no JSON-RPC, no
/// process. Published diagnostics are collected; waits are bounded so a hang fails the test.
/// </summary>
public sealed class TestServer : ILanguageClient
{
    public const string Root = "/ws";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<PublishDiagnosticsParams> _published = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Dictionary<string, int> _versions = [];

    private TestServer(MockFileSystem files)
    {
        Files = files;
        Server = new RecipeLanguageServer(LanguageServerHost.CreateWorkspace(files), this);
    }

    public MockFileSystem Files { get; }

    public RecipeLanguageServer Server { get; }

    public List<RegistrationParams> Registrations { get; } = [];

    public static TestServer Start(string? initializationOptions = null, string? capabilities = null)
    {
        var files = new MockFileSystem();
        files.AddDirectory(Root);
        var server = new TestServer(files);
        server.Server.Initialize(new InitializeParams(
            RootUri: Uri("."),
            InitializationOptions: initializationOptions is null ? null : JsonDocument.Parse(initializationOptions).RootElement,
            Capabilities: capabilities is null ? null : JsonDocument.Parse(capabilities).RootElement));
        server.Server.Initialized().GetAwaiter().GetResult();
        return server;
    }

    public static string Uri(string name) => "file://" + Path(name);

    public static string Path(string name) => name == "." ? Root : $"{Root}/{name}";

    /// <summary>Writes a file to the mock disk (not opened in the editor).</summary>
    public string WriteFile(string name, string text)
    {
        Files.AddFile(Path(name), new MockFileData(text));
        return Uri(name);
    }

    public string Open(string name, string text)
    {
        var uri = Uri(name);
        _versions[uri] = 1;
        Server.DidOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "recipelang", 1, text)));
        return uri;
    }

    /// <summary>Replaces the whole text; returns the new version.</summary>
    public int Change(string uri, string text) => Edit(uri, new TextDocumentContentChangeEvent(text));

    public int Edit(string uri, TextDocumentContentChangeEvent change)
    {
        var version = ++_versions[uri];
        Server.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), [change]));
        return version;
    }

    public void ChangeOnDisk(string name, string text)
    {
        WriteFile(name, text);
        Server.DidChangeWatchedFiles(new DidChangeWatchedFilesParams([new FileEvent(Uri(name), 2)]));
    }

    /// <summary>The first diagnostics published for the document that match (by default: any), waiting for them; the document's earlier ones are dropped.</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsAsync(string uri, Func<PublishDiagnosticsParams, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_published)
            {
                var index = _published.FindIndex(p => p.Uri == uri && (match?.Invoke(p) ?? true));
                if (index >= 0)
                {
                    // This document's earlier diagnostics go with it; other documents' stay for their own waits.
                    var found = _published[index];
                    var earlier = _published.Take(index + 1).Where(p => p.Uri == uri).ToList();
                    _published.RemoveAll(earlier.Contains);
                    return found;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                Assert.Fail($"no matching diagnostics for {uri} within {Timeout.TotalSeconds} s");
            }
        }
    }

    /// <summary>The diagnostics of a document's version (the codes), waiting for them.</summary>
    public async Task<string[]> CodesAsync(string uri, int version = 1) =>
        [.. (await DiagnosticsAsync(uri, p => p.Version == version)).Diagnostics.Select(d => d.Code ?? "")];

    /// <summary>Everything published so far, in order (for checks that nothing stale came late).</summary>
    public List<PublishDiagnosticsParams> AllPublished()
    {
        lock (_published)
        {
            return [.. _published];
        }
    }

    public static TextDocumentIdentifier Document(string uri) => new(uri);

    public static TextDocumentPositionParams At(string uri, Position position) => new(Document(uri), position);

    public static Range Whole => new(new Position(0, 0), new Position(100_000, 0));

    Task ILanguageClient.PublishDiagnosticsAsync(PublishDiagnosticsParams parameters)
    {
        lock (_published)
        {
            _published.Add(parameters);
        }
        _arrived.Release();
        return Task.CompletedTask;
    }

    Task ILanguageClient.RegisterCapabilityAsync(RegistrationParams parameters)
    {
        Registrations.Add(parameters);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A document with the cursor marked <c>$0</c> (rust-analyzer's fixtures): the text without the marker and the
/// cursor's LSP position.
/// </summary>
public static class Fixture
{
    public static (string Text, Position Cursor) Parse(string marked)
    {
        var at = marked.IndexOf("$0", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "the fixture has no $0 cursor");
        var before = marked[..at];
        var line = before.Count(c => c == '\n');
        var character = at - (before.LastIndexOf('\n') + 1);
        return (marked.Remove(at, 2), new Position(line, character));
    }
}
