using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Units;

public class QuantityPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(4242, 1717);

    private static readonly Unit[] AllUnits = Enum.GetValues<Dimension>().SelectMany(UnitTable.For).ToArray();

    private static Arbitrary<(double Value, Unit From, Unit To)> SameDimensionConversions =>
        (from source in Gen.Elements(AllUnits)
         from target in Gen.Elements(UnitTable.For(source.Dimension).ToArray())
         from value in Gen.Choose(-1_000_000, 1_000_000).Select(n => n / 1000.0)
         select (value, source, target)).ToArbitrary();

    [Test]
    public void Converting_there_and_back_returns_the_value() =>
        Check.One(Runs, Prop.ForAll(SameDimensionConversions, c =>
        {
            var back = new Quantity(c.Value, c.From).ConvertTo(c.To).ConvertTo(c.From).Value;
            return Math.Abs(back - c.Value) <= 1e-9 * Math.Max(1, Math.Abs(c.Value));
        }));

    [Test]
    public void Conversion_keeps_the_si_value() =>
        Check.One(Runs, Prop.ForAll(SameDimensionConversions, c =>
        {
            var q = new Quantity(c.Value, c.From);
            return Math.Abs(q.ConvertTo(c.To).Si - q.Si) <= 1e-9 * Math.Max(1, Math.Abs(q.Si));
        }));

    [Test]
    public void Formatted_text_reads_back_to_the_same_quantity() =>
        Check.One(Runs, Prop.ForAll(SameDimensionConversions, c =>
        {
            var q = new Quantity(c.Value, c.From);
            var text = q.Format();
            var unitText = c.From.Canonical;
            var number = double.Parse(text[..^unitText.Length], System.Globalization.CultureInfo.InvariantCulture);
            return number == c.Value && (unitText.Length == 0 || UnitTable.TryLookup(unitText, c.From.Dimension, out var u) && u == c.From);
        }));

    [Test]
    public void Lookup_never_throws_on_any_text() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= "";
            UnitTable.TryLookup(text, out _);
            UnitTable.TryLookup(text, Dimension.CRate, out _);
            return true;
        }));
}
