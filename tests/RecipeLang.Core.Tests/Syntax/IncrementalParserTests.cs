using System.Text;
using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Syntax;

/// <summary>
/// An incremental parse is exactly a full parse: after every one of a series of random edits (applied to the
/// previous version's tree, as the language server does), the tree — every node, token, span, trivia — and the
/// diagnostics equal those of a parse from scratch.
/// </summary>
public class IncrementalParserTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(2718, 31415);

    private static readonly string[] Inserts =
    [
        "@", ")", "(", "=", "\"", "}", "{", ",", ":", "-", "then ", "recipe ", "\n", "\r\n", "#", " ", "C", "0", "1.2.3", ";",
        "recipe x for NCM523 {\n", "}\n", "let T = 900C\n", "import \"lib.recipe\"\n", "  dry 80C 12h\n", "then anneal 850C O2 4h\n",
        "# recipelang-disable-next-line RL3001: ok\n", "use r1(T = 200C)", "\nrecipe", "x3", "°", "\"open",
    ];

    /// <summary>A file of several generated parts (so there are items before and after each edit) and edits: position, length removed, text inserted.</summary>
    private static readonly Gen<(string Text, (int At, int Remove, string Insert)[] Edits)> FileAndEdits =
        Gen.Choose(2, 6).SelectMany(count => Gen.OneOf(RecipeTextGenerator.ValidFile, RecipeTextGenerator.MutatedFile).ArrayOf(count))
            .Select(parts => string.Join("\n", parts))
            .SelectMany(text => Gen.Choose(0, 1000).SelectMany(at => Gen.Choose(0, 6).SelectMany(remove => Gen.Elements(Inserts.Append("").ToArray()).Select(insert => (at, remove, insert)))).ArrayOf(8)
                .Select(edits => (text, edits)));

    [Test]
    public void RandomEditsParseIncrementallyExactlyAsFromScratch() =>
        Check.One(Runs, Prop.ForAll(FileAndEdits.ToArbitrary(), input =>
        {
            // Half of the runs on a text in small chunks, as an edited large document is: the lexer reads across chunk edges.
            var source = input.Text.Length % 2 == 0 ? new SourceText(input.Text, "/x.recipe") : SourceText.Chunked(input.Text, 3 + input.Text.Length % 13, "/x.recipe");
            var tree = Parser.Parse(source);
            foreach (var (at, remove, insert) in input.Edits)
            {
                var start = source.Length == 0 ? 0 : at * source.Length / 1000;
                var end = Math.Min(source.Length, start + remove);
                source = source.WithChanges([new TextChange(TextSpan.FromBounds(start, end), insert)]);
                tree = Parser.Parse(source, tree);
                var expected = Dump(Parser.Parse(new SourceText(source.Text, "/x.recipe")));
                var actual = Dump(tree);
                if (actual != expected)
                {
                    Assert.That(actual, Is.EqualTo(expected), $"after replacing [{start},{end}) with {Escape(insert)} in:\n{source.Text}");
                }
            }
        }));

    [Test]
    public void AnEditInsideOneRecipeReusesTheOthers()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"recipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 180C 3h\n  then dry 80C 12h\n}}\n"));
        var source = new SourceText(text);
        var tree = Parser.Parse(source);
        var at = text.IndexOf("180C", text.IndexOf("r20", StringComparison.Ordinal), StringComparison.Ordinal);
        var edited = source.WithChanges([new TextChange(new TextSpan(at, 3), "2000")]);
        var incremental = Parser.Parse(edited, tree);

        Assert.That(Dump(incremental), Is.EqualTo(Dump(Parser.Parse(edited))));
        var before = tree.Root.Statements;
        var after = incremental.Root.Statements;
        Assert.That(Enumerable.Range(0, 19).All(i => ReferenceEquals(before[i], after[i])), "recipes before the edit are the same objects");
        Assert.That(ReferenceEquals(before[20], after[20]), Is.False, "the edited recipe is parsed again");
        Assert.That(after[30].Span, Is.EqualTo(new TextSpan(before[30].Span.Start + 1, before[30].Span.Length)), "recipes after it are shifted");
    }

    [Test]
    public void RemovingAClosingBraceReparsesWhatTheOpenRecipeNowSwallows()
    {
        var text = "recipe a for NCM523 {\n  dry 80C 12h\n}\nlet T = 850C\nanneal T O2 4h\nrecipe b for NCM523 {\n  dry 80C 1h\n}\n";
        var source = new SourceText(text);
        var tree = Parser.Parse(source);
        var edited = source.WithChanges([new TextChange(new TextSpan(text.IndexOf('}'), 1), "")]);

        Assert.That(Dump(Parser.Parse(edited, tree)), Is.EqualTo(Dump(Parser.Parse(edited))));
        Assert.That(Parser.Parse(edited, tree).Root.Statements, Has.Length.EqualTo(2), "recipe a now holds the let and the step");
    }

    [Test]
    public void ClosingAFormulaAfterTheEditedLineRelexesTheTokenTheHeaderErrorNames()
    {
        // Fuzz finding: "Ni(Ni(" lexes as separate tokens until its parentheses close, so an edit after the token
        // changes it, and the recipe header before it reported "Unexpected 'Ni'" about it.
        const string text = "recipe r for L\n  Ni(Ni(Ni()2)2)2\n  dry 80C 1h\n";
        var cut = text.IndexOf("()", StringComparison.Ordinal);
        var source = new SourceText(text.Remove(cut, 7));
        var tree = Parser.Parse(source);
        var edited = source.WithChanges([new TextChange(new TextSpan(cut, 0), "()2)2)2")]);

        Assert.That(Dump(Parser.Parse(edited, tree)), Is.EqualTo(Dump(Parser.Parse(edited))));
    }

    /// <summary>Everything a consumer can see of a tree, as text: nodes with spans, tokens with trivia and flags, diagnostics, the items.</summary>
    internal static string Dump(SyntaxTree tree)
    {
        var text = new StringBuilder();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            text.Append(node.GetType().Name).Append(' ').Append(node.Span).Append('\n');
        }
        foreach (var token in tree.Root.Tokens())
        {
            text.Append(token.Kind).Append(' ').Append(token.Span).Append(' ').Append(Escape(token.Text)).Append(token.StartsLine ? " line" : "").Append(token.IsGlued ? " glued" : "");
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                text.Append(" [").Append(trivia.Kind).Append(' ').Append(trivia.Span).Append(' ').Append(Escape(trivia.Text)).Append(']');
            }
            text.Append('\n');
        }
        foreach (var d in tree.Diagnostics)
        {
            text.Append(d.Code).Append(' ').Append(d.Span).Append(' ').Append(d.Start).Append('-').Append(d.End).Append(' ').Append(d.Message).Append('\n');
        }
        foreach (var item in tree.Items)
        {
            text.Append("item ").Append(item.FullStart).Append(item.SawStepBefore ? " step" : "").Append(item.IsSyncPoint ? " sync" : "")
                .Append(" last ").Append(item.LastToken.Kind).Append(item.LastToken.Span)
                .Append(' ').Append(string.Join(",", item.LexerDiagnostics.Concat(item.ParserDiagnostics).Select(d => d.Code + d.Span))).Append('\n');
        }
        return text.ToString();
    }

    private static string Escape(string text) => "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}
