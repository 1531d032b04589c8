using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Syntax;

/// <summary>The line map updated by an edit is the one a fresh text computes, line endings of every kind included.</summary>
public class SourceTextEditTests
{
    private static readonly string[] Pieces = ["a", "bc", "\n", "\r", "\r\n", " ", "anneal 850C", ""];

    [Test]
    public void IncrementalLineStartsMatchAFreshTextAfterRandomEdits()
    {
        var random = new Random(11);
        for (var round = 0; round < 300; round++)
        {
            var text = new SourceText(string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)])));
            for (var edit = 0; edit < 10; edit++)
            {
                var start = random.Next(0, text.Length + 1);
                var end = random.Next(start, text.Length + 1);
                var insert = string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pieces[random.Next(Pieces.Length)]));
                var edited = text.WithChanges([new TextChange(TextSpan.FromBounds(start, end), insert)]);
                var fresh = new SourceText(edited.Text);
                Assert.That(edited.LineCount, Is.EqualTo(fresh.LineCount), () => $"line count after replacing [{start},{end}) of {Escape(text.Text)} with {Escape(insert)}");
                for (var line = 0; line < fresh.LineCount; line++)
                {
                    Assert.That(edited.GetLineSpan(line), Is.EqualTo(fresh.GetLineSpan(line)), () => $"line {line} after replacing [{start},{end}) of {Escape(text.Text)} with {Escape(insert)}");
                }
                text = edited;
            }
        }
    }

    private static string Escape(string text) => "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}
