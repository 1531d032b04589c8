using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Syntax;

/// <summary>
/// An edited text is the string the same edits make: its characters, substrings, search, common prefix and suffix
/// with the version before, and its line map (updated, not recomputed) equal a fresh text's, line endings of every
/// kind included, whether it is one string or chunks.
/// </summary>
public class SourceTextEditTests
{
    private static readonly string[] Pieces = ["a", "bc", "\n", "\r", "\r\n", " ", "anneal 850C", ""];

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void EditsGiveTheTextAndLineMapOfAFreshText(int chunkSize)
    {
        var random = new Random(11 + chunkSize);
        for (var round = 0; round < 300; round++)
        {
            var initial = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var text = chunkSize == 0 ? new SourceText(initial) : SourceText.Chunked(initial, chunkSize);
            var model = initial;
            for (var edit = 0; edit < 10; edit++)
            {
                var start = random.Next(0, text.Length + 1);
                var end = random.Next(start, text.Length + 1);
                var insert = string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pieces[random.Next(Pieces.Length)]));
                var edited = text.WithChanges([new TextChange(TextSpan.FromBounds(start, end), insert)]);
                var before = model;
                model = string.Concat(model.AsSpan(0, start), insert, model.AsSpan(end));
                string Where() => $"after replacing [{start},{end}) of {Escape(before)} with {Escape(insert)}";
                Assert.That(edited.Text, Is.EqualTo(model), Where);
                Assert.That(edited.Length, Is.EqualTo(model.Length), Where);
                AssertReadsLike(edited, model, random, Where);
                Assert.That(text.CommonPrefixLength(edited), Is.EqualTo(before.AsSpan().CommonPrefixLength(model)), Where);
                var prefix = before.AsSpan().CommonPrefixLength(model);
                Assert.That(text.CommonSuffixLength(edited, prefix), Is.EqualTo(SuffixLength(before[prefix..], model[prefix..])), Where);
                var fresh = new SourceText(model);
                Assert.That(edited.LineCount, Is.EqualTo(fresh.LineCount), () => "line count " + Where());
                for (var line = 0; line < fresh.LineCount; line++)
                {
                    Assert.That(edited.GetLineSpan(line), Is.EqualTo(fresh.GetLineSpan(line)), () => $"line {line} {Where()}");
                }
                text = edited;
            }
        }
    }

    [Test]
    public void ALargeTextIsCutIntoChunksAtItsFirstEditAndVersionsShareThem()
    {
        var line = "recipe r for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n}\n";
        var original = string.Concat(Enumerable.Repeat(line, 2000));
        var text = new SourceText(original);
        var at = original.IndexOf("180C", 50_000, StringComparison.Ordinal);
        var edited = text.WithChanges([new TextChange(new TextSpan(at, 4), "200C")]);
        var again = edited.WithChanges([new TextChange(new TextSpan(at, 4), "210C")]);
        Assert.That(again.Text, Is.EqualTo(original.Remove(at, 4).Insert(at, "210C")));
        // Only the chunk around the edit differs between the two edited versions; the first and last are the same strings.
        Assert.That(again.ChunkAt(0).Chunk, Is.SameAs(edited.ChunkAt(0).Chunk));
        Assert.That(again.ChunkAt(again.Length - 1).Chunk, Is.SameAs(edited.ChunkAt(edited.Length - 1).Chunk));
        Assert.That(again.ChunkAt(at).Chunk, Is.Not.SameAs(edited.ChunkAt(at).Chunk));
        Assert.That(edited.ChunkAt(at).Chunk.Length, Is.LessThanOrEqualTo(SourceText.DefaultChunkSize));
        Assert.That(edited.CommonPrefixLength(again), Is.EqualTo(at + 1));
    }

    [Test]
    public void ATextForEditingIsInChunksWhenLargeAndOneStringWhenSmall()
    {
        var large = string.Concat(Enumerable.Repeat("recipe r for NCM523 {\n  dry 80C 12h\n}\n", 500));
        var editable = SourceText.ForEditing(large, "/x.recipe");
        Assert.That(editable.Text, Is.EqualTo(large));
        Assert.That(editable.ChunkAt(0).Chunk.Length, Is.EqualTo(SourceText.DefaultChunkSize));
        Assert.That(editable.LineCount, Is.EqualTo(new SourceText(large).LineCount));
        Assert.That(SourceText.ForEditing("dry 80C 12h").ChunkAt(0).Chunk, Is.EqualTo("dry 80C 12h"));
    }

    private static void AssertReadsLike(SourceText text, string model, Random random, Func<string> where)
    {
        for (var i = 0; i < model.Length; i++)
        {
            Assert.That(text[i], Is.EqualTo(model[i]), where);
        }
        var start = random.Next(0, model.Length + 1);
        var length = random.Next(0, model.Length - start + 1);
        Assert.That(text.Substring(start, length), Is.EqualTo(model.Substring(start, length)), where);
        foreach (var needle in new[] { "\r\n", "850", "c\na", " a" })
        {
            Assert.That(text.Contains(needle), Is.EqualTo(model.Contains(needle, StringComparison.Ordinal)), () => $"contains {Escape(needle)} {where()}");
        }
    }

    private static int SuffixLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[^(length + 1)] == b[^(length + 1)])
        {
            length++;
        }
        return length;
    }

    private static string Escape(string text) => "\"" + text.Replace("\r", "\\r").Replace("\n", "\\n") + "\"";
}
