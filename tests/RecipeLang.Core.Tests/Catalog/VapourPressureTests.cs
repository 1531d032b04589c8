using RecipeLang.Catalog;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>The catalog's vapour-pressure curves against published values they were not fitted to.</summary>
public class VapourPressureTests
{
    private static VapourPressureCurve Curve(string solvent) => RecipeCatalog.Default.FindVapourPressure(solvent)!;

    [TestCase(25, 0.031699)]
    [TestCase(100, 1.01418)]
    [TestCase(220, 23.196)]
    [TestCase(300, 85.879)]
    public void WaterTabulatedPointsAreReturnedExactly(double celsius, double bar) =>
        Assert.That(Curve("water").PressureBar(celsius), Is.EqualTo(bar).Within(1e-9));

    // IAPWS-IF97 values between the catalogued points: 20 °C 0.02339, 80 °C 0.4739, 210 °C 19.077 bar.
    [TestCase(20, 0.02339)]
    [TestCase(80, 0.4739)]
    [TestCase(210, 19.077)]
    public void WaterBetweenPointsFollowsTheSteamTables(double celsius, double bar) =>
        Assert.That(Curve("water").PressureBar(celsius), Is.EqualTo(bar).Within(bar * 0.01));

    [Test]
    public void FoundByFormulaAndByName() =>
        Assert.That(RecipeCatalog.Default.FindVapourPressure("H2O"), Is.SameAs(RecipeCatalog.Default.Water));

    // Normal boiling points (1.01325 bar): ethanol 78.3 °C, ethylene glycol 197.3 °C.
    [TestCase("ethanol", 78.3)]
    [TestCase("ethylene_glycol", 197.3)]
    [TestCase("water", 100.0)]
    public void BoilsAtItsNormalBoilingPoint(string solvent, double celsius) =>
        Assert.That(Curve(solvent).PressureBar(celsius), Is.EqualTo(1.01325).Within(0.03));

    [Test]
    public void EthanolInAnAutoclaveIsFarAboveWater()
    {
        // Lange's Handbook: ethanol boils at 151.8 °C under 10 atm and 203 °C under 30 atm.
        Assert.That(Curve("ethanol").PressureBar(151.8), Is.EqualTo(10.13).Within(0.6));
        Assert.That(Curve("ethanol").PressureBar(203), Is.EqualTo(30.4).Within(1.5));
        Assert.That(Curve("ethanol").PressureBar(220), Is.GreaterThan(1.5 * Curve("water").PressureBar(220)));
        Assert.That(Curve("ethylene_glycol").PressureBar(220), Is.LessThan(3));
    }

    [TestCase("water")]
    [TestCase("ethanol")]
    [TestCase("ethylene_glycol")]
    public void RisesMonotonicallyToTheCriticalPressure(string solvent)
    {
        var curve = Curve(solvent);
        var previous = 0.0;
        for (var c = -20.0; c <= curve.Critical.C + 50; c += 2.5)
        {
            var p = curve.PressureBar(c);
            Assert.That(p, Is.GreaterThanOrEqualTo(previous), $"{solvent} at {c} °C");
            previous = p;
        }
        Assert.That((curve.IsSupercritical(curve.Critical.C + 1), curve.PressureBar(curve.Critical.C + 50)), Is.EqualTo((true, curve.Critical.Bar)));
    }
}
