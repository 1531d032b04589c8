using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Syntax;

namespace RecipeLang.Core.Tests.Syntax;

public class ParserPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(400).WithReplay(12345, 67891);

    [Test]
    public void ValidFilesParseWithoutErrorsAndLosslessly() =>
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.ValidFile.ToArbitrary(), text =>
        {
            var tree = Parser.Parse(text);
            return tree.Diagnostics.All(d => d.Severity != Diagnostics.DiagnosticSeverity.Error) && tree.Root.ToFullString() == text;
        }));

    [Test]
    public void MutatedFilesNeverThrowAndStayLossless() =>
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.MutatedFile.ToArbitrary(), text =>
        {
            var tree = Parser.Parse(text);
            return tree.Root.ToFullString() == text && tree.Diagnostics.All(d => d.Span.End <= text.Length);
        }));

    [Test]
    public void ATextInChunksParsesAsTheSameTextInOneString() =>
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.MutatedFile.ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (text, chunkSize) =>
        {
            var whole = Parser.Parse(new RecipeLang.Text.SourceText(text));
            var chunked = Parser.Parse(RecipeLang.Text.SourceText.Chunked(text, chunkSize));
            Assert.That(chunked.Root.Tokens().Select(Describe), Is.EqualTo(whole.Root.Tokens().Select(Describe)));
            Assert.That(chunked.Diagnostics.Select(d => $"{d.Code} {d.Span} {d.Message}"), Is.EqualTo(whole.Diagnostics.Select(d => $"{d.Code} {d.Span} {d.Message}")));
        }));

    private static string Describe(SyntaxToken token) =>
        $"{token} {token.Span} [{string.Concat(token.LeadingTrivia.Select(t => t.Text))}|{string.Concat(token.TrailingTrivia.Select(t => t.Text))}] {token.StartsLine} {token.IsGlued}";

    [Test]
    public void TheWholeAnalysisNeverThrowsOnMutatedFiles()
    {
        var workspace = new RecipeLang.Workspace.RecipeWorkspace(new System.IO.Abstractions.TestingHelpers.MockFileSystem());
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.MutatedFile.ToArbitrary(), text =>
            workspace.Analyze(new RecipeLang.Text.SourceText(text, "/fuzz/x.recipe")).Diagnostics.All(d => d.Span.End <= text.Length)));
    }

    [Test]
    public void ArbitraryStringsNeverThrowAndStayLossless() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= "";
            return Parser.Parse(text).Root.ToFullString() == text;
        }));

    [Test, CancelAfter(20_000)]
    public void OneMegabyteParsesWithoutBlowUp()
    {
        // A super-linear parser would take minutes on this; the limit above is a guard, not a measurement.
        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (builder.Length < 1_000_000)
        {
            builder.Append($"recipe r{i++} for NCM523 {{\n  hydrothermal 4M LiOH 220C 3h\n  then wash water x3 ; dry 80C 12h vacuum\n  then anneal 850C O2 4h ramp 5C/min # hot\n  then coat Li3PO4 1wt% @\n}}\n");
        }
        var tree = Parser.Parse(builder.ToString());

        Assert.That(tree.Root.Recipes.Count(), Is.EqualTo(i));
        Assert.That(tree.Diagnostics, Has.Length.EqualTo(i), "one bad character per recipe, each reported once");
    }

    [Test, CancelAfter(20_000)]
    public void DeeplyUnbalancedInputParsesWithoutBlowUp()
    {
        var text = new string('(', 200_000) + new string('{', 200_000) + string.Concat(Enumerable.Repeat("recipe ", 50_000));

        Assert.That(Parser.Parse(text).Root.ToFullString(), Is.EqualTo(text));
    }
}
