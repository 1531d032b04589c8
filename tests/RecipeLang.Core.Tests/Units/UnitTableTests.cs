using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Units;

public class UnitTableTests
{
    [TestCase("C", "C", Dimension.Temperature)]
    [TestCase("°C", "C", Dimension.Temperature)]
    [TestCase("degC", "C", Dimension.Temperature)]
    [TestCase("K", "K", Dimension.Temperature)]
    [TestCase("hr", "h", Dimension.Time)]
    [TestCase("sec", "s", Dimension.Time)]
    [TestCase("mol/L", "M", Dimension.Concentration)]
    [TestCase("mmol/L", "mM", Dimension.Concentration)]
    [TestCase("wt%", "wt%", Dimension.MassFraction)]
    [TestCase("mol%", "mol%", Dimension.MolarFraction)]
    [TestCase("%", "%", Dimension.Percent)]
    [TestCase("°C/min", "C/min", Dimension.TemperatureRate)]
    [TestCase("K/min", "K/min", Dimension.TemperatureRate)]
    [TestCase("mbar", "mbar", Dimension.Pressure)]
    [TestCase("µm", "um", Dimension.Length)]
    [TestCase("mA/g", "mA/g", Dimension.SpecificCurrent)]
    [TestCase("mAh/g", "mAh/g", Dimension.SpecificCapacity)]
    [TestCase("rpm", "rpm", Dimension.RotationRate)]
    [TestCase("mg/mL", "g/L", Dimension.MassConcentration)]
    [TestCase("mV", "mV", Dimension.Voltage)]
    public void Spelling_resolves_to_canonical_unit(string spelling, string canonical, Dimension dimension)
    {
        Assert.That(UnitTable.TryLookup(spelling, out var unit), Is.True);
        Assert.That(unit.Canonical, Is.EqualTo(canonical));
        Assert.That(unit.Dimension, Is.EqualTo(dimension));
    }

    [Test]
    public void Units_are_case_sensitive()
    {
        Assert.That(UnitTable.TryLookup("mM", out var milli), Is.True);
        Assert.That(milli.Scale, Is.EqualTo(1e-3));
        Assert.That(UnitTable.TryLookup("MM", out _), Is.False);
        Assert.That(UnitTable.TryLookup("furlong", out _), Is.False);
    }

    [Test]
    public void Plain_C_is_celsius_but_a_C_rate_where_a_C_rate_is_expected()
    {
        Assert.That(UnitTable.TryLookup("C", out var plain), Is.True);
        Assert.That(plain.Dimension, Is.EqualTo(Dimension.Temperature));

        Assert.That(UnitTable.TryLookup("C", Dimension.CRate, out var rate), Is.True);
        Assert.That(rate.Dimension, Is.EqualTo(Dimension.CRate));

        Assert.That(UnitTable.TryLookup("°C", Dimension.TemperatureDelta, out var delta), Is.True);
        Assert.That(delta.Dimension, Is.EqualTo(Dimension.TemperatureDelta));
        Assert.That(delta.Offset, Is.Zero);
    }

    [Test]
    public void Preferred_dimension_falls_back_to_plain_meaning()
    {
        Assert.That(UnitTable.TryLookup("h", Dimension.Temperature, out var unit), Is.True);
        Assert.That(unit.Dimension, Is.EqualTo(Dimension.Time));
    }

    [Test]
    public void Span_lookup_matches_string_lookup()
    {
        var text = "220C/min then".AsSpan(3, 5);
        Assert.That(UnitTable.TryLookup(text, out var unit), Is.True);
        Assert.That(unit.Canonical, Is.EqualTo("C/min"));
    }

    [Test]
    public void Every_dimension_has_a_base_unit_with_scale_one_and_no_offset()
    {
        foreach (var dimension in Enum.GetValues<Dimension>())
        {
            var si = UnitTable.Si(dimension);
            Assert.That(si.Dimension, Is.EqualTo(dimension));
            Assert.That(si.Scale, Is.EqualTo(1.0), dimension.ToString());
            Assert.That(si.Offset, Is.Zero, dimension.ToString());
            Assert.That(dimension.DisplayName(), Is.Not.Empty);
        }
    }

    [Test]
    public void Every_canonical_spelling_looks_up_to_its_own_unit_in_its_dimension()
    {
        foreach (var dimension in Enum.GetValues<Dimension>())
        {
            foreach (var unit in UnitTable.For(dimension).Where(u => u.Canonical.Length > 0))
            {
                Assert.That(UnitTable.TryLookup(unit.Canonical, dimension, out var found), Is.True, unit.Canonical);
                Assert.That(found, Is.EqualTo(unit));
            }
        }
    }

    [Test]
    public void Spellings_include_every_documented_spelling()
    {
        string[] documented =
        [
            "C", "°C", "degC", "K", "h", "hr", "min", "s", "sec", "M", "mM", "mol/L", "mmol/L", "wt%", "mol%", "%",
            "C/min", "K/min", "°C/min", "C/h", "bar", "mbar", "MPa", "kPa", "Pa", "atm", "g", "kg", "mg", "mL", "L",
            "nm", "µm", "um", "mA/g", "A/g", "mA", "A", "V", "mV", "mAh/g", "rpm", "g/L", "mg/mL",
        ];
        Assert.That(UnitTable.Spellings, Is.SupersetOf(documented));
    }

    [TestCase("temperature", Dimension.Temperature)]
    [TestCase("temperature_delta", Dimension.TemperatureDelta)]
    [TestCase("c_rate", Dimension.CRate)]
    [TestCase("Specific_Current", Dimension.SpecificCurrent)]
    public void Dimension_type_names_are_snake_case_and_round_trip(string name, Dimension dimension)
    {
        Assert.That(DimensionExtensions.TryParseTypeName(name, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(dimension));
        Assert.That(dimension.TypeName(), Is.EqualTo(name.ToLowerInvariant()));
        Assert.That(DimensionExtensions.TryParseTypeName("furlongs", out _), Is.False);
    }
}
