using RecipeLang.Catalog;
using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>
/// Every condition reported in the review's Table 1 must check clean, so none may fall outside the
/// catalog's typical or hard ranges, and every named thing must be in the catalog.
/// </summary>
public class TableOneTests
{
    private static RecipeCatalog Catalog => RecipeCatalog.Default;

    [TestCase(1, "hydrothermal", "concentration", "4M")]
    [TestCase(1, "hydrothermal", "temperature", "100C")]
    [TestCase(1, "hydrothermal", "pressure", "1bar")]
    [TestCase(2, "hydrothermal", "concentration", "4M")]
    [TestCase(2, "hydrothermal", "temperature", "220C")]
    [TestCase(2, "hydrothermal", "time", "4h")]
    [TestCase(3, "hydrothermal", "temperature", "220C")]
    [TestCase(3, "hydrothermal", "time", "3h")]
    [TestCase(4, "molten_salt", "temperature", "300C")]
    [TestCase(4, "molten_salt", "time", "4h")]
    [TestCase(5, "molten_salt", "temperature", "600C")]
    [TestCase(6, "molten_salt", "temperature", "450C")]
    [TestCase(10, "etch", "time", "30min")]
    [TestCase(11, "hydrothermal", "temperature", "160C")]
    [TestCase(11, "hydrothermal", "time", "6h")]
    public void Reported_conditions_are_inside_the_ranges(int row, string operation, string parameter, string text)
    {
        var info = Catalog.FindOperation(operation)!.FindParameter(parameter)!;
        var quantity = Read(text, info.Dimension!.Value);
        Assert.That(info.Typical?.Contains(quantity), Is.Not.False, $"row {row}: {text} outside {info.Typical?.Format()}");
        Assert.That(info.Hard?.Contains(quantity), Is.Not.False, $"row {row}: {text} outside {info.Hard?.Format()}");
    }

    [TestCase(1, "NCM111")]
    [TestCase(3, "NCM523")]
    [TestCase(6, "NCM622")]
    [TestCase(7, "LCO")]
    [TestCase(8, "NCM83")]
    [TestCase(9, "NCM90")]
    [TestCase(12, "NCM65")]
    [TestCase(13, "NCM811")]
    [TestCase(14, "NCM94")]
    public void Materials_are_catalogued(int row, string material) =>
        Assert.That(Catalog.FindMaterial(material), Is.Not.Null, $"row {row}");

    [TestCase(1, "LiOH")]
    [TestCase(2, "KOH")]
    [TestCase(7, "Li2SO4")]
    [TestCase(10, "citric_acid")]
    [TestCase(11, "NH4OH")]
    public void Reagents_are_catalogued(int row, string reagent) =>
        Assert.That(Catalog.FindReagent(reagent), Is.Not.Null, $"row {row}");

    [TestCase(4, 300.0, "LiOH", "LiNO3", "LiC7H5O2")]
    [TestCase(5, 600.0, "LiNO3", "LiOH·H2O", "Li2CO3")]
    [TestCase(6, 450.0, "LiOH", "Ni(OH)2", "Na2SO4")]
    public void Molten_salt_rows_run_above_the_melt_and_not_above_decomposition(int row, double celsius, params string[] salts)
    {
        var eutectic = Catalog.FindEutectic(salts);
        Assert.That(eutectic, Is.Not.Null, $"row {row}");
        Assert.That(eutectic!.MeltingPointC is null || celsius > eutectic.MeltingPointC.Max, Is.True, $"row {row} molten");
        Assert.That(eutectic.ReportedWorkingC is null || celsius >= eutectic.ReportedWorkingC.Min, Is.True, $"row {row} working");
        foreach (var salt in salts)
        {
            var reagent = Catalog.FindReagent(salt)!;
            Assert.That(reagent.DecompositionC is null || celsius <= reagent.DecompositionC, Is.True, $"row {row}: {salt} decomposes");
        }
    }

    [TestCase(8, "Al")]
    [TestCase(8, "Cu")]
    [TestCase(9, "Mg")]
    public void Dopants_are_catalogued(int row, string element) =>
        Assert.That(Catalog.Dopants.ContainsKey(element), Is.True, $"row {row}");

    [TestCase(12, "Li3PO4")]
    [TestCase(13, "spandex")]
    [TestCase(14, "HPU")]
    public void Coatings_are_catalogued(int row, string coating) =>
        Assert.That(Catalog.FindCoating(coating), Is.Not.Null, $"row {row}");

    [Test]
    public void Row_3_steam_pressure_is_within_the_default_autoclave()
    {
        Assert.That(RecipeCatalog.Default.Water.PressureBar(220), Is.LessThanOrEqualTo(EquipmentProfile.Default.AutoclaveMaxBar));
        Assert.That(220, Is.LessThanOrEqualTo(EquipmentProfile.Default.AutoclaveMaxC));
    }

    private static Quantity Read(string text, Dimension dimension)
    {
        var split = text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        Assert.That(UnitTable.TryLookup(text[split..], dimension, out var unit), Is.True, text);
        return new Quantity(double.Parse(text[..split], System.Globalization.CultureInfo.InvariantCulture), unit);
    }
}
