using RecipeLang.Chemistry;

namespace RecipeLang.Core.Tests.Chemistry;

public class FormulaTests
{
    private static Formula Parse(string text)
    {
        Assert.That(Formula.TryParse(text, out var formula, out var error), Is.True, error);
        return formula!;
    }

    private static string ParseError(string text)
    {
        Assert.That(Formula.TryParse(text, out var formula, out var error), Is.False);
        Assert.That(formula, Is.Null);
        return error!;
    }

    [Test]
    public void Hydrate_with_middle_dot_sums_both_parts_in_order_of_appearance()
    {
        var f = Parse("LiOH·H2O");
        Assert.That(f.Elements, Is.EqualTo(new Dictionary<string, double> { ["Li"] = 1, ["O"] = 2, ["H"] = 3 }));
        Assert.That(f.Elements.Keys, Is.EqualTo(new[] { "Li", "O", "H" }));
        Assert.That(f.Text, Is.EqualTo("LiOH·H2O"));
    }

    [Test]
    public void Asterisk_hydrate_is_the_same_formula()
    {
        var f = Parse("LiOH*H2O");
        Assert.That(f.Elements, Is.EqualTo(Parse("LiOH·H2O").Elements));
        Assert.That(f.Canonical, Is.EqualTo("LiOH·H2O"));
    }

    [Test]
    public void Hydrate_coefficient_multiplies_the_water()
    {
        var f = Parse("CuSO4·5H2O");
        Assert.That(f.Elements, Is.EqualTo(new Dictionary<string, double> { ["Cu"] = 1, ["S"] = 1, ["O"] = 9, ["H"] = 10 }));
        Assert.That(f.MolarMass, Is.EqualTo(249.68).Within(0.02));
    }

    [Test]
    public void Group_count_multiplies_the_group()
    {
        var f = Parse("Ni(OH)2");
        Assert.That(f.Elements, Is.EqualTo(new Dictionary<string, double> { ["Ni"] = 1, ["O"] = 2, ["H"] = 2 }));
    }

    [Test]
    public void Nested_groups_multiply_through()
    {
        var f = Parse("Ca3(Al(OH)4)2");
        Assert.That(f.Elements, Is.EqualTo(new Dictionary<string, double> { ["Ca"] = 3, ["Al"] = 2, ["O"] = 8, ["H"] = 8 }));
        Assert.That(Parse("K4[Fe(CN)6]").Elements["N"], Is.EqualTo(6));
    }

    [Test]
    public void Decimal_counts_give_fractional_compositions()
    {
        var f = Parse("LiNi0.8Co0.1Mn0.1O2");
        Assert.That(f.Elements["Ni"], Is.EqualTo(0.8));
        Assert.That(f.Elements["Co"], Is.EqualTo(0.1));
        Assert.That(f.Elements["Mn"], Is.EqualTo(0.1));
        Assert.That(f.Elements["O"], Is.EqualTo(2));
        Assert.That(f.MolarMass, Is.EqualTo(97.28).Within(0.05));
    }

    [TestCase("LiOH·H2O", 41.96)]
    [TestCase("LiOH", 23.95)]
    [TestCase("Li2CO3", 73.89)]
    [TestCase("LiNO3", 68.95)]
    [TestCase("C6H8O7", 192.12)]
    [TestCase("LiC7H5O2", 128.05)]
    [TestCase("Li3PO4", 115.79)]
    public void Molar_masses_match_handbook_values(string text, double gramsPerMole) =>
        Assert.That(Parse(text).MolarMass, Is.EqualTo(gramsPerMole).Within(0.02));

    [Test]
    public void Contains_knows_which_formulas_carry_lithium()
    {
        Assert.That(Parse("LiOH·H2O").Contains("Li"), Is.True);
        Assert.That(Parse("KOH").Contains("Li"), Is.False);
        Assert.That(Parse("NH4OH").Contains("N"), Is.True);
    }

    [Test]
    public void Unknown_element_is_named_with_its_position()
    {
        var error = ParseError("LiXxO2");
        Assert.That(error, Does.Contain("'Xx'").And.Contain("character 3"));
    }

    [TestCase("", "empty")]
    [TestCase("Ni(OH2", "Unclosed '('")]
    [TestCase("NiOH)2", "Unmatched ')'")]
    [TestCase("Ni(OH]2", "Unmatched ']'")]
    [TestCase("Ni()2", "Empty group")]
    [TestCase("citric_acid", "Unexpected 'c'")]
    [TestCase("LiOH·", "Expected an element symbol")]
    [TestCase("H0", "must be positive")]
    [TestCase("0H2O", "must be positive")]
    public void Malformed_formulas_explain_the_problem(string text, string expected) =>
        Assert.That(ParseError(text), Does.Contain(expected));

    [Test]
    public void Deep_nesting_does_not_overflow()
    {
        var text = new string('(', 100_000) + "H" + new string(')', 100_000);
        Assert.That(Parse(text).Elements["H"], Is.EqualTo(1));
        Assert.That(ParseError(new string('(', 100_000)), Does.Contain("Unclosed"));
    }
}
