using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using BenchmarkDotNet.Attributes;
using RecipeLang.LanguageServer.Hosting;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench;

/// <summary>
/// The language server's in-memory path, without JSON-RPC or a process: one incremental didChange on the server's
/// handler until the new version's diagnostics are published, and, as the baseline of the same run, a full
/// re-parse and a full analysis of the same text (what every keystroke costs at least).
/// Run: <c>dotnet run -c Release --project bench/RecipeLang.Bench -- --filter *LspBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
public class LspBenchmarks
{
    private const string Uri = "file:///bench/doc.recipe";
    private RecipeLanguageServer _server = null!;
    private Client _client = null!;
    private string _text = "";
    private int _version;

    [Params(500, 5000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Lines / 4; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
        }
        _text = text.ToString();
        _client = new Client();
        _server = new RecipeLanguageServer(new RecipeWorkspace(new MockFileSystem()), _client);
        _server.Initialize(new InitializeParams());
        _version = 1;
        _server.DidOpen(new DidOpenTextDocumentParams(new TextDocumentItem(Uri, "recipelang", 1, _text)));
        _client.WaitFor(1);
    }

    [Benchmark(Description = "didChange → publishDiagnostics (in memory)")]
    public int EditToDiagnostics()
    {
        var version = ++_version;
        _server.DidChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(Uri, version),
            [new TextDocumentContentChangeEvent((150 + version % 50).ToString(CultureInfo.InvariantCulture), new RecipeLang.LanguageServer.Protocol.Range(new Position(1, 23), new Position(1, 26)))]));
        return _client.WaitFor(version);
    }

    [Benchmark(Baseline = true, Description = "parse the whole text")]
    public int Parse() => Parser.Parse(new SourceText(_text, "/bench/doc.recipe")).Root.Statements.Length;

    [Benchmark(Description = "analyse the whole text (parse+bind+rules)")]
    public int Analyze() => new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(_text, "/bench/doc.recipe")).Diagnostics.Length;

    private sealed class Client : ILanguageClient
    {
        private readonly object _gate = new();
        private int _published;

        public Task PublishDiagnosticsAsync(PublishDiagnosticsParams parameters)
        {
            lock (_gate)
            {
                _published = Math.Max(_published, parameters.Version ?? 0);
                Monitor.PulseAll(_gate);
            }
            return Task.CompletedTask;
        }

        public Task RegisterCapabilityAsync(RegistrationParams parameters) => Task.CompletedTask;

        public int WaitFor(int version)
        {
            lock (_gate)
            {
                while (_published < version)
                {
                    if (!Monitor.Wait(_gate, TimeSpan.FromSeconds(30)))
                    {
                        throw new TimeoutException($"no diagnostics for version {version}");
                    }
                }
                return _published;
            }
        }
    }
}
