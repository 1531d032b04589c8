using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Equipment;

public class SteamTableTests
{
    [TestCase(100, 1.01)]
    [TestCase(220, 23.2)]
    [TestCase(374, 220.6)]
    public void Table_points_are_returned_exactly(double celsius, double bar) =>
        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(celsius)).InBar, Is.EqualTo(bar).Within(1e-9));

    [Test]
    public void Between_points_pressure_is_log_linear()
    {
        // Halfway between 200 °C (15.5 bar) and 220 °C (23.2 bar): the geometric mean.
        var expected = Math.Sqrt(15.5 * 23.2);

        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(210)).InBar, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void Above_the_critical_point_pressure_stays_at_the_critical_pressure() =>
        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(450)).InBar, Is.EqualTo(220.6));
}
