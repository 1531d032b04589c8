using RecipeLang.Catalog;

namespace RecipeLang.Core.Tests.Catalog;

public class SteamTableTests
{
    [TestCase(100, 1.01)]
    [TestCase(150, 4.76)]
    [TestCase(220, 23.2)]
    [TestCase(300, 85.9)]
    public void Tabulated_points_are_returned_exactly(double celsius, double bar) =>
        Assert.That(SteamTable.SaturationPressureBar(celsius), Is.EqualTo(bar).Within(1e-9));

    [Test]
    public void Between_points_interpolates_log_linearly()
    {
        var p = SteamTable.SaturationPressureBar(210);
        Assert.That(p, Is.GreaterThan(15.5).And.LessThan(23.2));
        Assert.That(p, Is.EqualTo(Math.Sqrt(15.5 * 23.2)).Within(1e-9));
        Assert.That(p, Is.EqualTo(19.08).Within(0.2), "steam tables give 19.08 bar at 210 °C");
    }

    [Test]
    public void Below_100C_extrapolates_toward_the_tabulated_vapour_pressure()
    {
        Assert.That(SteamTable.SaturationPressureBar(20), Is.EqualTo(0.0234).Within(0.005));
        Assert.That(SteamTable.SaturationPressureBar(80), Is.EqualTo(0.474).Within(0.03));
        Assert.That(SteamTable.SaturationPressureBar(-300), Is.Zero);
    }

    [Test]
    public void Above_the_critical_point_returns_the_critical_pressure()
    {
        Assert.That(SteamTable.SaturationPressureBar(374), Is.EqualTo(220.6));
        Assert.That(SteamTable.SaturationPressureBar(500), Is.EqualTo(SteamTable.CriticalPressureBar));
        Assert.That(SteamTable.Source, Does.Contain("IAPWS-IF97"));
    }

    [Test]
    public void Pressure_rises_monotonically()
    {
        var previous = 0.0;
        for (var c = 0; c <= 400; c += 5)
        {
            var p = SteamTable.SaturationPressureBar(c);
            Assert.That(p, Is.GreaterThanOrEqualTo(previous), $"{c} °C");
            previous = p;
        }
    }
}
