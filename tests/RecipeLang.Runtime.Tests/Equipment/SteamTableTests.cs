using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Equipment;

public class SteamTableTests
{
    [TestCase(100, 1.01418)]
    [TestCase(220, 23.196)]
    [TestCase(373.946, 220.64)]
    public void Table_points_are_returned_exactly(double celsius, double bar) =>
        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(celsius)).InBar, Is.EqualTo(bar).Within(1e-9));

    [Test]
    public void Between_points_follows_the_steam_tables() =>
        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(210)).InBar, Is.EqualTo(19.077).Within(0.2), "IAPWS-IF97: 19.077 bar at 210 °C");

    [Test]
    public void Above_the_critical_point_pressure_stays_at_the_critical_pressure() =>
        Assert.That(SteamTable.SaturationPressure(Temperature.Celsius(450)).InBar, Is.EqualTo(220.64));
}
