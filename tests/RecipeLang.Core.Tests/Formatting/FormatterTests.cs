using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Core.Tests.Syntax;
using RecipeLang.Formatting;
using RecipeLang.Syntax;
using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Formatting;

public class FormatterTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(424242, 171717);

    [Test]
    public void CanonicalLayout()
    {
        const string text = "# top\nrecipe r for NCM523 {  # open\n defects lithium_loss( li_tm=0.62 ),cation_mixing\nhydrothermal 4 M LiOH 220 °C 3 h;wash   water x3 then anneal 850C O2 ramp 5C/min # hot\n\n\n  coat Li3PO4 1 wt%\n# end\n}\nthen dry 80C";

        Assert.That(Formatter.Format(Parser.Parse(text)), Is.EqualTo("""
            # top
            recipe r for NCM523 {  # open
              defects lithium_loss(li_tm = 0.62), cation_mixing
              hydrothermal 4M LiOH 220C 3h
              then wash water x3
              then anneal 850C O2 ramp 5C/min  # hot

              then coat Li3PO4 1wt%
              # end
            }

            dry 80C

            """));
    }

    [Test]
    public void BlankLinesBetweenCommentParagraphsStay() =>
        Assert.That(Formatter.Format(Parser.Parse("# one\n\n\n# two\n# three\nanneal 850C O2\n")), Is.EqualTo("# one\n\n# two\n# three\nanneal 850C O2\n"));

    [Test]
    public void RefusesFilesWithSyntaxErrors() =>
        Assert.That(Formatter.Format(Parser.Parse("anneal 850C )")), Is.Null);

    [Test]
    public void CommentsInsideAMultiLineStatementMoveAboveIt()
    {
        var formatted = Formatter.Format(Parser.Parse("defects lithium_loss,  # first\n  cation_mixing # second\n"));

        Assert.That(formatted, Is.EqualTo("# first\ndefects lithium_loss, cation_mixing  # second\n"));
    }

    [Test]
    public void AnEmptyStatementsCommentGoesAboveTheNextStatementAfterItsBlankLine()
    {
        // AFL finding: the comment of ';;' was printed where it stood and the blank line after it kept, which a
        // second fmt moved above the comment.
        var once = Formatter.Format(Parser.Parse("a\n;; #\n\nb\n"))!;

        Assert.That(once, Is.EqualTo("a\n\n#\nthen b\n"));
        Assert.That(Formatter.Format(Parser.Parse(once)), Is.EqualTo(once));
    }

    [Test]
    public void CommentsAroundARecipesSemicolonOnALaterLineAreKept()
    {
        // Fuzz finding: a ';' after a recipe's '}' belongs to the recipe; the comment before it (ended by a lone CR)
        // was dropped with it.
        var once = Formatter.Format(Parser.Parse("recipe a {\n  dry 80C 1h\n} # end\n\n# c1\r;\n\nrecipe b {\n  dry 80C 1h\n}\n"))!;

        Assert.That(once, Is.EqualTo("recipe a {\n  dry 80C 1h\n}  # end\n\n# c1\nrecipe b {\n  dry 80C 1h\n}\n"));
        Assert.That(Formatter.Format(Parser.Parse(once)), Is.EqualTo(once));
    }

    [Test]
    public void FormattingIsIdempotentAndKeepsMeaningAndComments() =>
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.ValidFile.ToArbitrary(), text =>
        {
            var tree = Parser.Parse(text);
            var once = Formatter.Format(tree)!;
            var onceTree = Parser.Parse(once);
            return Formatter.Format(onceTree) == once
                && Meaning(onceTree) == Meaning(tree)
                && Comments(onceTree).SequenceEqual(Comments(tree));
        }));

    [Test]
    public void TheCheckAnswersWhetherFormattingWouldChangeTheText() =>
        Check.One(Runs, Prop.ForAll(RecipeTextGenerator.ValidFile.ToArbitrary(), text =>
        {
            var tree = Parser.Parse(text);
            var once = Formatter.Format(tree)!;
            return Formatter.IsFormatted(tree) == (once == text) && Formatter.IsFormatted(Parser.Parse(once)) == true;
        }));

    [Test]
    public void TheCheckComparesALargeFileAcrossThePiecesItIsWrittenIn()
    {
        var library = Formatter.Format(Parser.Parse(string.Concat(Enumerable.Range(0, 4_000).Select(i => $"recipe r{i} for NCM523 {{\n  anneal  850C O2 4h\n}}\n"))))!;
        Assert.That(library.Length, Is.GreaterThan(100_000));
        Assert.That(Formatter.IsFormatted(Parser.Parse(library)), Is.True);
        Assert.That(Formatter.IsFormatted(Parser.Parse(library[..^1] + " \n")), Is.False, "a space at the very end");
        Assert.That(Formatter.IsFormatted(Parser.Parse(library.Replace("r3999 for", "r3999  for"))), Is.False, "a space near the end, same length elsewhere");
    }

    [TestCase("anneal 850C O2\n", true)]
    [TestCase("anneal  850C O2\n", false)]
    [TestCase("anneal 850C O2", false)]
    [TestCase("anneal 850C O2 then dry 80C\n# recipelang-fmt: off\n", false)]
    [TestCase("# recipelang-fmt: off\nanneal  850C O2\n", true)]
    [TestCase("anneal 850C )", null)]
    public void TheCheckOfOneFile(string text, bool? formatted) =>
        Assert.That(Formatter.IsFormatted(Parser.Parse(text)), Is.EqualTo(formatted));

    /// <summary>What a recipe says, independent of layout: statements, operations and resolved argument values.</summary>
    internal static string Meaning(SyntaxTree tree) =>
        string.Join("\n", tree.Root.DescendantNodesAndSelf().OfType<StatementSyntax>().Select(statement =>
            statement.GetType().Name + ":" + string.Join(" ", statement is RecipeSyntax recipe
                ? recipe.Tokens().TakeWhile(t => t != recipe.OpenBrace).Select(TokenMeaning)
                : statement.BodyTokens().Select(TokenMeaning))));

    private static string TokenMeaning(SyntaxToken token) =>
        token.Kind is TokenKind.Unit || (token.Kind == TokenKind.Word && UnitTable.TryLookup(token.Text, out _))
            ? UnitTable.TryLookup(token.Text, out var unit) ? unit.Canonical : token.Text
            : token.Text;

    private static IEnumerable<string> Comments(SyntaxTree tree) =>
        tree.Root.Tokens().SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia)).Where(t => t.Kind == TriviaKind.Comment).Select(t => t.Text.TrimEnd());

    [Test]
    public void A_file_that_opens_with_the_off_directive_stays_as_written()
    {
        const string text = "# The product card.\n# recipelang-fmt: off\nhydrothermal 4M LiOH 220C 3h then anneal 850C   O2 then coat Li3PO4\n";
        Assert.That(Formatter.Format(Parser.Parse(text)), Is.EqualTo(text));
        Assert.That(Formatter.Format(Parser.Parse("anneal 850C O2 then dry 80C\n# recipelang-fmt: off\n")), Is.EqualTo("anneal 850C O2\nthen dry 80C\n# recipelang-fmt: off\n"),
            "only the comments that open the file count");
    }
}
