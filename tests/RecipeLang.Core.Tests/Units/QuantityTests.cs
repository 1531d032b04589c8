using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Units;

public class QuantityTests
{
    private static Unit U(string spelling, Dimension? preferred = null)
    {
        var found = preferred is { } d ? UnitTable.TryLookup(spelling, d, out var unit) : UnitTable.TryLookup(spelling, out unit);
        Assert.That(found, Is.True, spelling);
        return unit;
    }

    [Test]
    public void Celsius_set_point_converts_to_kelvin_with_offset()
    {
        var t = new Quantity(220, U("C"));
        Assert.That(t.Si, Is.EqualTo(493.15).Within(1e-9));
        Assert.That(t.ConvertTo(U("K")).Value, Is.EqualTo(493.15).Within(1e-9));
        Assert.That(new Quantity(493.15, U("K")).ConvertTo(U("C")).Value, Is.EqualTo(220).Within(1e-9));
    }

    [Test]
    public void Rates_in_C_and_K_per_minute_are_equal()
    {
        var c = new Quantity(5, U("C/min"));
        var k = new Quantity(5, U("K/min"));
        Assert.That(c.Si, Is.EqualTo(k.Si));
        Assert.That(c.Si, Is.EqualTo(5 / 60.0).Within(1e-12));
        Assert.That(c.ConvertTo(U("C/h")).Value, Is.EqualTo(300).Within(1e-9));
    }

    [Test]
    public void Temperature_difference_converts_without_offset()
    {
        var delta = new Quantity(50, U("C", Dimension.TemperatureDelta));
        Assert.That(delta.ConvertTo(U("K", Dimension.TemperatureDelta)).Value, Is.EqualTo(50));
        Assert.That(delta.TryConvertTo("K", out var viaSpelling), Is.True);
        Assert.That(viaSpelling.Value, Is.EqualTo(50));
    }

    [Test]
    public void Adding_two_set_points_is_an_error_result()
    {
        var result = new Quantity(220, U("C")).Add(new Quantity(30, U("C")));
        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error, Does.Contain("set-point"));
    }

    [Test]
    public void Set_point_plus_difference_is_a_set_point_in_the_set_points_unit()
    {
        var result = new Quantity(220, U("C")).Add(new Quantity(10, U("K", Dimension.TemperatureDelta)));
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Value.Dimension, Is.EqualTo(Dimension.Temperature));
        Assert.That(result.Value.Unit.Canonical, Is.EqualTo("C"));
        Assert.That(result.Value.Value, Is.EqualTo(230).Within(1e-9));

        var reversed = new Quantity(10, U("K", Dimension.TemperatureDelta)).Add(new Quantity(220, U("C")));
        Assert.That(reversed.Value, Is.EqualTo(result.Value));
    }

    [Test]
    public void Subtracting_set_points_gives_a_difference()
    {
        var result = new Quantity(850, U("C")).Subtract(new Quantity(800, U("C")));
        Assert.That(result.IsSuccess, Is.True);
        Assert.That(result.Value.Dimension, Is.EqualTo(Dimension.TemperatureDelta));
        Assert.That(result.Value.Value, Is.EqualTo(50).Within(1e-9));

        var backwards = new Quantity(50, U("C", Dimension.TemperatureDelta)).Subtract(new Quantity(800, U("C")));
        Assert.That(backwards.IsSuccess, Is.False);
    }

    [Test]
    public void Same_dimension_adds_in_the_left_unit_and_mismatches_fail()
    {
        var sum = new Quantity(3, U("h")).Add(new Quantity(30, U("min")));
        Assert.That(sum.Value.Value, Is.EqualTo(3.5).Within(1e-12));
        Assert.That(sum.Value.Unit.Canonical, Is.EqualTo("h"));

        var wrong = new Quantity(3, U("h")).Add(new Quantity(4, U("M")));
        Assert.That(wrong.IsSuccess, Is.False);
        Assert.That(wrong.Error, Does.Contain("time").And.Contain("concentration"));
    }

    [Test]
    public void Conversion_across_dimensions_is_refused()
    {
        var time = new Quantity(3, U("h"));
        Assert.That(time.TryConvertTo(U("C"), out _), Is.False);
        Assert.That(time.TryConvertTo(Dimension.Time, out var seconds), Is.True);
        Assert.That(seconds.Value, Is.EqualTo(10800));
        Assert.Throws<InvalidOperationException>(() => time.ConvertTo(U("M")));
    }

    [TestCase(220, "C", "220C")]
    [TestCase(5, "°C/min", "5C/min")]
    [TestCase(0.5, "M", "0.5M")]
    [TestCase(1, "wt%", "1wt%")]
    [TestCase(0.00001, "M", "0.00001M")]
    [TestCase(-0.8, "V", "-0.8V")]
    public void Format_writes_canonical_text(double value, string spelling, string expected) =>
        Assert.That(new Quantity(value, U(spelling)).Format(), Is.EqualTo(expected));

    [Test]
    public void Describe_lists_the_usual_units_of_the_dimension()
    {
        Assert.That(new Quantity(220, U("C")).Describe(), Is.EqualTo("220 °C = 493.15 K"));
        Assert.That(new Quantity(4, U("h")).Describe(), Is.EqualTo("4 h = 240 min = 14400 s"));
        Assert.That(new Quantity(30, U("min")).Describe(), Is.EqualTo("30 min = 0.5 h = 1800 s"));
        Assert.That(new Quantity(23.2, U("bar")).Describe(), Is.EqualTo("23.2 bar = 2.32 MPa = 22.8966 atm"));
    }

    [Test]
    public void Quantities_in_different_units_compare_by_si()
    {
        Assert.That(new Quantity(1, U("bar")).Si, Is.EqualTo(new Quantity(100, U("kPa")).Si).Within(1e-9));
        Assert.That(new Quantity(1, U("mAh/g")).Si, Is.EqualTo(3600));
        Assert.That(new Quantity(10, U("mA/g")).Si, Is.EqualTo(new Quantity(0.01, U("A/g")).Si).Within(1e-12));
        Assert.That(new Quantity(1, U("wt%")).Si, Is.EqualTo(0.01));
    }
}
