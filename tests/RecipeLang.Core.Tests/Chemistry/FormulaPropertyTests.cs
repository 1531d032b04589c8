using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Chemistry;

namespace RecipeLang.Core.Tests.Chemistry;

public class FormulaPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500).WithReplay(777, 999);

    private static readonly string[] Symbols = ["Li", "Ni", "Co", "Mn", "O", "H", "C", "N", "S", "P", "Al", "Cu"];

    // Formula-shaped noise: the characters formulas are made of, in any order.
    private static Arbitrary<string> FormulaNoise =>
        Gen.Elements("LiNiCoMnOHXx()[]·*.0123456789 ".ToCharArray())
            .ArrayOf()
            .Select(chars => new string(chars))
            .ToArbitrary();

    private static Arbitrary<(string Text, Dictionary<string, double> Expected)> WellFormed =>
        (from atoms in Gen.Elements(Symbols).Zip(Gen.Choose(1, 9)).NonEmptyListOf()
         from multiplier in Gen.Choose(1, 5)
         from hydrate in Gen.Choose(0, 6)
         select Build(atoms.ToList(), multiplier, hydrate)).ToArbitrary();

    private static (string, Dictionary<string, double>) Build(List<(string Symbol, int Count)> atoms, int multiplier, int water)
    {
        var expected = new Dictionary<string, double>();
        foreach (var (symbol, count) in atoms)
            expected[symbol] = expected.GetValueOrDefault(symbol) + count * multiplier;
        var text = "(" + string.Concat(atoms.Select(a => a.Symbol + a.Count)) + ")" + multiplier;
        if (water > 0)
        {
            text += $"·{water}H2O";
            expected["H"] = expected.GetValueOrDefault("H") + 2 * water;
            expected["O"] = expected.GetValueOrDefault("O") + water;
        }
        return (text, expected);
    }

    [Test]
    public void Any_text_parses_or_fails_with_a_message_never_throws() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            Formula.TryParse(text ?? "", out var formula, out var error) ? formula is not null && error is null : formula is null && error is { Length: > 0 }));

    [Test]
    public void Formula_noise_never_throws_and_parsed_masses_are_positive() =>
        Check.One(Runs, Prop.ForAll(FormulaNoise, text =>
            !Formula.TryParse(text, out var formula, out _) || formula!.MolarMass > 0));

    [Test]
    public void Element_counts_add_up_through_groups_and_hydrates() =>
        Check.One(Runs, Prop.ForAll(WellFormed, c =>
        {
            var formula = Formula.Parse(c.Text);
            return formula.Elements.Count == c.Expected.Count
                && c.Expected.All(e => Math.Abs(formula.Elements[e.Key] - e.Value) < 1e-9);
        }));
}
