using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Contract;

public class QuantityTests
{
    [Test]
    public void Quantities_print_with_their_units_in_invariant_culture()
    {
        Assert.That(Temperature.Celsius(850).ToString(), Is.EqualTo("850 °C"));
        Assert.That(TemperatureRate.CelsiusPerMinute(2.5).ToString(), Is.EqualTo("2.5 °C/min"));
        Assert.That(Pressure.Bar(23.2).ToString(), Is.EqualTo("23.2 bar"));
        Assert.That(Concentration.Molar(4).ToString(), Is.EqualTo("4 mol/L"));
        Assert.That(Mass.Kilograms(0.05).ToString(), Is.EqualTo("50 g"));
        Assert.That(Volume.Litres(0.2).ToString(), Is.EqualTo("200 mL"));
        Assert.That(Current.Amperes(-0.01).ToString(), Is.EqualTo("-10 mA"));
        Assert.That(Potential.Millivolts(-800).ToString(), Is.EqualTo("-0.8 V"));
        Assert.That(GasFlow.MillilitresPerMinute(500).ToString(), Is.EqualTo("0.5 L/min"));
        Assert.That(StirSpeed.Rpm(300).ToString(), Is.EqualTo("300 rpm"));
    }

    [TestCase(20 * 3600, "20 h")]
    [TestCase(90 * 60, "1 h 30 min")]
    [TestCase(45, "45 s")]
    [TestCase(0, "0 s")]
    [TestCase(30 * 3600 + 5, "30 h 5 s")]
    public void Durations_print_as_an_operator_reads_them(int seconds, string expected) =>
        Assert.That(QuantityFormat.Format(TimeSpan.FromSeconds(seconds)), Is.EqualTo(expected));

    [Test]
    public void Factories_convert_to_the_stored_unit()
    {
        Assert.That(Temperature.Kelvin(373.15).InCelsius, Is.EqualTo(100).Within(1e-9));
        Assert.That(TemperatureRate.CelsiusPerHour(120).InCelsiusPerMinute, Is.EqualTo(2));
        Assert.That(Pressure.Kilopascals(101.325).InBar, Is.EqualTo(1.01325).Within(1e-12));
    }

    [Test]
    public void Gases_compare_without_regard_to_case()
    {
        Assert.That(Gas.Named(" o2 "), Is.EqualTo(Gas.Oxygen));
        Assert.That(Gas.Named("AR").IsInert, Is.True);
        Assert.That(Gas.Air.IsInert, Is.False);
    }
}
