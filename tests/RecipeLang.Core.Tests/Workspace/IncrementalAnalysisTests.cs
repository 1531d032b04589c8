using System.IO.Abstractions.TestingHelpers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Core.Tests.Syntax;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Workspace;

/// <summary>
/// An incremental analysis (each version analysed from the previous one's, as the language server does) gives
/// exactly the diagnostics of a full analysis of the same text, after every one of a series of random edits; and
/// an edit inside one recipe binds and checks only that recipe (and the one before it, which the parser re-reads).
/// </summary>
public class IncrementalAnalysisTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(1618, 33989);

    private const string Library = "recipe relithiate(T: temperature = 180C) for NCM523 {\n  hydrothermal 4M LiOH T 3h\n}\nrecipe lib_anneal for NCM523 {\n  anneal 850C O2 4h\n}\n";

    /// <summary>Pieces an edit inserts: whole recipes, uses (of this file's and the library's recipes), lets, imports, suppressions, broken tokens.</summary>
    private static readonly string[] Inserts =
    [
        "}", "{", "(", ")", "\"", "=", "#", "\n", " ", "then ", "recipe ", "@", "C", "0", "9", "x",
        "recipe r3 for NCM523 {\n  anneal 900C O2 2h\n}\n", "recipe r1 for LCO {\n  dry 80C 1h\n}\n", "recipe r9(T: temperature) {\n  anneal T air 3h\n}\n",
        "  use r1\n", "  use r2(T = 250C)\n", "  use relithiate(T = 260C)\n", "  use lib_anneal\n", "  use r9(T = 900C)\n", "  use nothere\n",
        "let T = 900C\n", "let P = 4M\n", "import \"lib.recipe\"\n", "import \"gone.recipe\"\n",
        "  hydrothermal 4M LiOH 240C 3h\n", "  then anneal 1200C O2 4h\n", "  then wash water x3\n", "  dry 80C 12h vacuum\n",
        "# recipelang-disable-next-line RL3001: checked\n", "# recipelang-disable-next-line RL4003\n", "hydrothermal 4M LiOH 200C 3h\n",
    ];

    private static readonly Gen<(string Text, (int At, int Remove, string Insert)[] Edits)> FileAndEdits =
        Gen.Choose(2, 5).SelectMany(count => Gen.OneOf(RecipeTextGenerator.ValidFile, RecipeTextGenerator.MutatedFile).ArrayOf(count))
            .Select(parts => "import \"lib.recipe\"\n" + string.Join("\n", parts))
            .SelectMany(text => Gen.Choose(0, 1000).SelectMany(at => Gen.Choose(0, 8).SelectMany(remove => Gen.Elements(Inserts.Append("").ToArray()).Select(insert => (at, remove, insert)))).ArrayOf(8)
                .Select(edits => (text, edits)));

    private static MockFileSystem Files()
    {
        var files = new MockFileSystem();
        files.AddFile("/ws/lib.recipe", new MockFileData(Library));
        return files;
    }

    [Test]
    public void RandomEditsAnalyseIncrementallyExactlyAsFromScratch() =>
        Check.One(Runs, Prop.ForAll(FileAndEdits.ToArbitrary(), input =>
        {
            var files = Files();
            // Half of the runs keep no bound recipes, as the language server's workspace does.
            var workspace = new RecipeWorkspace(files) { KeepsBoundRecipes = input.Text.Length % 2 == 0 };
            const string path = "/ws/main.recipe";
            var source = new SourceText(input.Text, path);
            var version = 1;
            workspace.SetDocument(path, source, version);
            workspace.Current.Analyze(path);
            foreach (var (at, remove, insert) in input.Edits)
            {
                var start = source.Length == 0 ? 0 : at * source.Length / 1000;
                var end = Math.Min(source.Length, start + remove);
                source = source.WithChanges([new TextChange(TextSpan.FromBounds(start, end), insert)]);
                workspace.SetDocument(path, source, ++version);
                var incremental = workspace.Current.Analyze(path)!;
                var full = new RecipeWorkspace(files).Analyze(source);
                // Recipes bound one by one for a span (before anything binds the whole file) are those of a full bind.
                var from = source.Length == 0 ? 0 : at * source.Length / 1000 / 2;
                var span = TextSpan.FromBounds(from, Math.Min(source.Length, from + 200));
                Assert.That(incremental.RecipesIn(span).Select(DumpRecipe), Is.EqualTo(full.Recipes.Where(r => Touches(full.Tree, r, span)).Select(DumpRecipe)), "recipes in " + span);
                var (actual, expected) = (Dump(incremental), Dump(full));
                if (actual != expected)
                {
                    Assert.That(actual, Is.EqualTo(expected), $"after replacing [{start},{end}) with {Escape(insert)} in:\n{source.Text}");
                }
                Assert.That(IncrementalParserTests.Dump(incremental.Tree), Is.EqualTo(IncrementalParserTests.Dump(full.Tree)));
                Assert.That(incremental.Recipes.Select(r => (r.Name, r.Steps.Length, r.Syntax?.Span)), Is.EqualTo(full.Recipes.Select(r => (r.Name, r.Steps.Length, r.Syntax?.Span))));
            }
        }));

    /// <summary>A recipe touches the span by its text; the file's bare steps (no syntax) when one of them does.</summary>
    private static bool Touches(RecipeLang.Syntax.SyntaxTree tree, RecipeLang.Binding.BoundRecipe recipe, TextSpan span)
    {
        static bool Overlaps(TextSpan a, TextSpan b) => a.End >= b.Start && a.Start <= b.End;
        return recipe.Syntax is { } syntax
            ? Overlaps(syntax.Span, span)
            : tree.Root.Statements.Any(s => RecipeLang.Binding.Binder.IsBareStep(s) && Overlaps(s.Span, span));
    }

    private static string DumpRecipe(RecipeLang.Binding.BoundRecipe recipe) =>
        $"{recipe.Name} {recipe.Syntax?.Span} {recipe.Material?.Name}: " + string.Join("; ", recipe.Steps.Select(s => $"{s.Index} {s.Operation.Name} {s.Syntax.Span} via {s.Via?.Span} {s.Arguments.Count}"));

    [Test]
    public void ADiagnosticsOnlyWorkspaceDropsEachBoundRecipeOnceCheckedAndReportsTheSame()
    {
        var files = Files();
        var text = "let T = 850C\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH {200 + i * 5}C 3h\n  then anneal T O2 4h\n}}\n"))
            + "recipe user for NCM523 {\n  use r3\n  then coat Li3PO4 20wt%\n}\n";
        var source = new SourceText(text, "/ws/main.recipe");

        var kept = new RecipeWorkspace(files).Analyze(source);
        var dropped = new RecipeWorkspace(files) { KeepsBoundRecipes = false }.Analyze(source);

        Assert.That(kept.RecipesBound, Is.EqualTo(21));
        Assert.That(dropped.RecipesBound, Is.Zero, "no bound recipe outlives its check");
        Assert.That(Dump(dropped), Is.EqualTo(Dump(kept)));
        Assert.That(kept.Diagnostics.Length, Is.GreaterThan(0));
        Assert.That(dropped.Recipes.Select(r => r.Name), Is.EqualTo(kept.Recipes.Select(r => r.Name)), "bound again when asked");
    }

    [Test]
    public void AnEditInsideOneRecipeBindsAndChecksOnlyIt()
    {
        var files = Files();
        var workspace = new RecipeWorkspace(files);
        const string path = "/ws/main.recipe";
        var text = "let T = 850C\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 240C 3h\n  then anneal T O2 4h\n}}\n"));
        var source = new SourceText(text, path);
        workspace.SetDocument(path, source, 1);
        Assert.That(workspace.Current.Analyze(path)!.RecipesBound, Is.EqualTo(40));

        var at = text.IndexOf("240C", text.IndexOf("r20 ", StringComparison.Ordinal), StringComparison.Ordinal);
        source = source.WithChanges([new TextChange(new TextSpan(at, 3), "2500")]);
        workspace.SetDocument(path, source, 2);
        var analysis = workspace.Current.Analyze(path)!;

        Assert.That(analysis.RecipesBound, Is.EqualTo(2), "the edited recipe and the one before it");
        Assert.That(Dump(analysis), Is.EqualTo(Dump(new RecipeWorkspace(files).Analyze(source))));
        Assert.That(analysis.Diagnostics.Count(d => d.Code == "RL3002" || d.Code == "RL2009" || d.Severity == DiagnosticSeverity.Error), Is.GreaterThan(0), "the new temperature is reported");
    }

    [Test]
    public void ChangingALetBindsEveryRecipeAgain()
    {
        var workspace = new RecipeWorkspace(Files());
        const string path = "/ws/main.recipe";
        var text = "let T = 850C\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"recipe r{i} for NCM523 {{\n  anneal T O2 4h\n}}\n"));
        var source = new SourceText(text, path);
        workspace.SetDocument(path, source, 1);
        workspace.Current.Analyze(path);
        source = source.WithChanges([new TextChange(new TextSpan(8, 3), "1300")]);
        workspace.SetDocument(path, source, 2);

        Assert.That(workspace.Current.Analyze(path)!.RecipesBound, Is.EqualTo(10));
    }

    [Test]
    public void EditingAUsedRecipeChecksItsUsersAgain()
    {
        var workspace = new RecipeWorkspace(Files());
        const string path = "/ws/main.recipe";
        var text = "recipe base for NCM523 {\n  anneal 850C O2 4h\n}\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"recipe r{i} for NCM523 {{\n  dry 80C 1h\n}}\n")) + "recipe user for NCM523 {\n  use base\n}\n";
        var source = new SourceText(text, path);
        workspace.SetDocument(path, source, 1);
        workspace.Current.Analyze(path);
        source = source.WithChanges([new TextChange(new TextSpan(text.IndexOf("850C", StringComparison.Ordinal), 3), "1400")]);
        workspace.SetDocument(path, source, 2);
        var analysis = workspace.Current.Analyze(path)!;

        Assert.That(analysis.RecipesBound, Is.EqualTo(2), "base (edited) and user (uses it); r0 follows the edit but is its own");
        Assert.That(analysis.Diagnostics.Where(d => d.Span.Start > text.IndexOf("recipe user", StringComparison.Ordinal)), Is.Not.Empty, "the user reports the used recipe's temperature");
    }

    [Test]
    public void ACancelledAnalysisLeavesTheLastCompleteOneToStartFrom()
    {
        var files = Files();
        var workspace = new RecipeWorkspace(files);
        const string path = "/ws/main.recipe";
        var text = string.Concat(Enumerable.Range(0, 20).Select(i => $"recipe r{i} for NCM523 {{\n  anneal 850C O2 4h\n}}\n"));
        var source = new SourceText(text, path);
        workspace.SetDocument(path, source, 1);
        workspace.Current.Analyze(path);

        source = source.WithChanges([new TextChange(new TextSpan(text.IndexOf("850C", StringComparison.Ordinal), 3), "900")]);
        workspace.SetDocument(path, source, 2);
        Assert.Throws<OperationCanceledException>(() => workspace.Current.Analyze(path, new CancellationToken(canceled: true)));

        source = source.WithChanges([new TextChange(new TextSpan(text.IndexOf("850C", StringComparison.Ordinal), 3), "910")]);
        workspace.SetDocument(path, source, 3);
        var analysis = workspace.Current.Analyze(path)!;
        Assert.That(analysis.RecipesBound, Is.EqualTo(1), "version 3 starts from version 1's analysis");
        Assert.That(Dump(analysis), Is.EqualTo(Dump(new RecipeWorkspace(files).Analyze(source))));
    }

    private static string Dump(DocumentAnalysis analysis)
    {
        var text = new StringBuilder();
        foreach (var d in analysis.Diagnostics)
        {
            text.Append($"{d.Code} {d.Severity} {d.Span} {d.Start}-{d.End} {d.Message}\n");
            foreach (var r in d.Related)
            {
                text.Append($"  related {r.Path} {r.Span} {r.Start}-{r.End} {r.Message}\n");
            }
            foreach (var f in d.Fixes)
            {
                text.Append($"  fix {f.Title}: {string.Join("; ", f.Edits.Select(e => $"{e.Span}={Escape(e.NewText)}"))}\n");
            }
        }
        return text.ToString();
    }

    private static string Escape(string text) => "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}
