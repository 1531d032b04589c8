using RecipeLang.Chemistry;

namespace RecipeLang.Core.Tests.Chemistry;

public class ElementsTests
{
    [Test]
    public void Table_holds_118_elements_numbered_in_order_with_unique_symbols()
    {
        Assert.That(Elements.All, Has.Count.EqualTo(118));
        Assert.That(Elements.All.Select(e => e.Number), Is.EqualTo(Enumerable.Range(1, 118)));
        Assert.That(Elements.All.Select(e => e.Symbol), Is.Unique);
        Assert.That(Elements.All.Select(e => e.AtomicWeight), Is.All.Positive);
    }

    [TestCase("Li", "Lithium", 6.94)]
    [TestCase("Ni", "Nickel", 58.693)]
    [TestCase("Co", "Cobalt", 58.933)]
    [TestCase("Mn", "Manganese", 54.938)]
    [TestCase("Og", "Oganesson", 294)]
    public void Symbols_resolve_case_sensitively(string symbol, string name, double weight)
    {
        Assert.That(Elements.TryGet(symbol, out var element), Is.True);
        Assert.That(element.Name, Is.EqualTo(name));
        Assert.That(element.AtomicWeight, Is.EqualTo(weight));
        Assert.That(Elements.TryGet(symbol.ToUpperInvariant() + "x", out _), Is.False);
    }

    [Test]
    public void Weights_increase_with_atomic_number_except_the_known_inversions()
    {
        // A guard against typos in the table: only the well-known inversions may appear.
        var inversions = Elements.All.Zip(Elements.All.Skip(1))
            .Where(p => p.Second.AtomicWeight < p.First.AtomicWeight)
            .Select(p => p.First.Symbol + "-" + p.Second.Symbol);
        Assert.That(inversions, Is.EquivalentTo(new[] { "Ar-K", "Co-Ni", "Te-I", "Th-Pa", "U-Np", "Pu-Am", "Bh-Hs" }));
    }
}
