using System.Diagnostics;
using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using System.Text.Json;
using RecipeLang.Binding;
using RecipeLang.Checking;
using RecipeLang.Configuration;
using RecipeLang.LanguageServer.Features;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Suppressions;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Bench;

/// <summary>
/// Where one edit's time goes on the language server's path, stage by stage, in process (the lsp-latency document:
/// recipes of four lines; the edit changes the first recipe's temperature). Run:
/// <c>dotnet bench/RecipeLang.Bench/bin/Release/net10.0/RecipeLang.Bench.dll lsp-profile [iterations]</c>.
/// </summary>
public static class LspProfile
{
    public static void Run(int iterations)
    {
        foreach (var lines in new[] { 500, 5000, 5 * 1024 * 1024 / 78 * 4 })
        {
            var text = new StringBuilder();
            for (var i = 0; i < lines / 4; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n");
            }
            var source = new SourceText(text.ToString(), "/bench/doc.recipe");
            var workspace = new RecipeWorkspace(new MockFileSystem());
            var catalog = workspace.SiteConfigFor(source.Path).Config.Catalog;
            var site = SiteConfig.Default;
            var version = 1;
            workspace.SetDocument(source.Path, source, version);
            var analysis = workspace.Current.Analyze(source.Path)!;
            var tree = analysis.Tree;
            var bound = analysis.Bound;
            var ruleDiagnostics = Checker.Check(bound, catalog, site);
            LspDiagnostic[] converted = DiagnosticsPublisher.Convert(analysis, null);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(new PublishDiagnosticsParams("file:///bench/doc.recipe", version, converted), LspJson.Options);
            Console.WriteLine($"\n{lines:N0} lines, {source.Length / 1024} KB: {analysis.Recipes.Length} recipes, {analysis.Diagnostics.Length} diagnostics, publishDiagnostics {json.Length / 1024} KB; per edit, {iterations} runs of each stage:");
            // Each stage runs alone many times: wall time per run and the process's CPU time per run (GC included).
            void Time(string stage, Action action)
            {
                action();
                var process = Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var allocated = GC.GetTotalAllocatedBytes();
                var gen2 = GC.CollectionCount(2);
                var pause = GC.GetTotalPauseDuration();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < iterations; i++)
                {
                    action();
                }
                var wall = clock.Elapsed.TotalMilliseconds / iterations;
                process.Refresh();
                var megabytes = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024 / iterations;
                Console.WriteLine($"  {stage,-40} wall {wall,8:0.00} ms   CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds / iterations,8:0.00} ms   allocated {megabytes,7:0.0} MB   gen2 GCs {(GC.CollectionCount(2) - gen2) / (double)iterations,4:0.0}, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / iterations,7:0.00} ms");
            }
            Time("edit the text (SourceText.WithChanges)", () =>
            {
                version++;
                var change = new TextChange(new TextSpan(source.GetOffset(new LinePosition(1, 23)), 3), (150 + version % 50).ToString(CultureInfo.InvariantCulture));
                source = source.WithChanges([change]);
            });
            Time("lex", () => Lexer.Lex(source));
            Time("lex+parse", () => tree = Parser.Parse(source));
            Time("incremental parse of an edit", () =>
            {
                version++;
                var change = new TextChange(new TextSpan(source.GetOffset(new LinePosition(1, 23)), 3), (150 + version % 50).ToString(CultureInfo.InvariantCulture));
                var edited = source.WithChanges([change]);
                tree = Parser.Parse(edited, tree);
                source = edited;
            });
            Time("incremental parse of an insertion", () =>
            {
                version++;
                // Typing a character at the first recipe: everything after it moves by one.
                var at = source.GetOffset(new LinePosition(1, 2));
                var edited = source.WithChanges([new TextChange(new TextSpan(at, version % 2 == 0 ? 0 : 1), version % 2 == 0 ? "x" : "")]);
                tree = Parser.Parse(edited, tree);
                source = edited;
            });
            Time("bind", () => bound = Binder.Bind(tree, catalog));
            Time("rules", () => ruleDiagnostics = Checker.Check(bound, catalog, site));
            Time("sort+suppressions", () => Suppressor.Apply(tree, [.. tree.Diagnostics.Concat(ruleDiagnostics).OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)], site).ToList());
            Time("workspace: edit + incremental analysis", () =>
            {
                version++;
                var change = new TextChange(new TextSpan(source.GetOffset(new LinePosition(1, 23)), 3), (150 + version % 50).ToString(CultureInfo.InvariantCulture));
                source = source.WithChanges([change]);
                workspace.SetDocument(source.Path, source, version);
                analysis = workspace.Current.Analyze(source.Path)!;
            });
            Time("convert to LSP diagnostics", () => converted = DiagnosticsPublisher.Convert(analysis, null));
            Time("serialize publishDiagnostics", () => json = JsonSerializer.SerializeToUtf8Bytes(new PublishDiagnosticsParams("file:///bench/doc.recipe", version, converted), LspJson.Options));
        }
    }
}
