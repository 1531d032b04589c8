using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Syntax;

/// <summary>A full parse lexes as it reads and lets go of finished items, so a huge file's tokens are never all held at once.</summary>
public class TokenStreamTests
{
    private static readonly SourceText Library = new(string.Concat(Enumerable.Range(0, 5_000).Select(i =>
        $"# recipe {i}\nrecipe r{i} for NCM523 {{\n  hydrothermal 4M LiOH 220C 3h\n  then anneal 850C O2 4h\n}}\n")));

    [Test]
    public void ReadingWithReleasesGivesTheLexersTokensInABoundedBuffer()
    {
        var (expected, _) = Lexer.Lex(Library);
        var stream = new TokenStream(Lexer.ForText(Library));
        for (var i = 0; i < expected.Length; i++)
        {
            if (i % 7 == 0)
            {
                stream.Release(i - 1);
            }
            Assert.That(Describe(stream[i]), Is.EqualTo(Describe(expected[i])), $"token {i}");
            if (i > 0)
            {
                Assert.That(Describe(stream[i - 1]), Is.EqualTo(Describe(expected[i - 1])), "the token before the release point is still there");
            }
        }
        Assert.That(expected.Length, Is.GreaterThan(100_000));
        Assert.That(stream.Capacity, Is.LessThanOrEqualTo(4_096), "released tokens make room; the buffer did not grow with the file");
    }

    [Test]
    public void ASliceAcrossTheBufferEndIsLexedWhole()
    {
        var (expected, _) = Lexer.Lex(Library);
        var stream = new TokenStream(Lexer.ForText(Library));
        Assert.That(stream.Slice(10, 9_000).ToArray().Select(Describe), Is.EqualTo(expected[10..9_000].Select(Describe)));
        Assert.That(stream[9_000..9_010].Select(Describe), Is.EqualTo(expected[9_000..9_010].Select(Describe)));
    }

    [Test]
    public void AParseOfTheLibraryIsTheSameWhateverTheBufferHeld()
    {
        // The first parse on a thread starts with a fresh buffer, the second with the one the first gave back.
        var first = Parser.Parse(Library);
        var second = Parser.Parse(Library);
        Assert.That(second.Root.ToFullString(), Is.EqualTo(Library.Text));
        Assert.That(second.Root.Tokens().Select(Describe), Is.EqualTo(first.Root.Tokens().Select(Describe)));
        Assert.That(second.Diagnostics, Is.Empty);
    }

    /// <summary>What a token is, trivia included: equal tokens of two lexes may hold different (unshared) shapes.</summary>
    private static string Describe(SyntaxToken token) =>
        $"{token} [{string.Concat(token.LeadingTrivia.Select(t => t.Text))}|{string.Concat(token.TrailingTrivia.Select(t => t.Text))}] {token.StartsLine} {token.IsGlued}";
}
