using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Core.Tests.Workspace;

public class DiagnosticOrderTests
{
    private static readonly SourceText Source = new("anneal 850C O2 4h then coat Li3PO4 1wt%\n", "/r/a.recipe");

    private static Diagnostic At(int start, DiagnosticDescriptor descriptor, string message) =>
        descriptor.Create(Source, new TextSpan(start, 1), message, "", "", "", "", "", "", "");

    [Test]
    public void ByStartThenCodeAndOtherwiseAsFound()
    {
        var found = new List<Diagnostic>
        {
            At(20, Descriptors.TypicalRange, "later"),
            At(7, Descriptors.TypicalRange, "first of two"),
            At(7, Descriptors.AnnealWindow, "code first"),
            At(7, Descriptors.TypicalRange, "second of two"),
            At(0, Descriptors.HardRange, "start"),
        };
        var expected = found.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();

        DiagnosticOrder.Sort(found);

        Assert.That(found, Is.EqualTo(expected).AsCollection, "the same order as OrderBy(start).ThenBy(code), a stable sort");
        Assert.That(found.Select(d => d.Span.Start), Is.EqualTo(new[] { 0, 7, 7, 7, 20 }));
    }
}
