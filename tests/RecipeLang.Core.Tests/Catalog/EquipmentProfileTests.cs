using RecipeLang.Catalog;

namespace RecipeLang.Core.Tests.Catalog;

public class EquipmentProfileTests
{
    [Test]
    public void Default_profile_holds_the_vendor_limits()
    {
        var d = EquipmentProfile.Default;
        Assert.That((d.FurnaceMaxC, d.AutoclaveMaxC, d.AutoclaveRoutineMaxC, d.AutoclaveMaxBar), Is.EqualTo((1100.0, 240.0, 200.0, 30.0)));
        Assert.That((d.AutoclaveFillRatio.Min, d.AutoclaveFillRatio.Max), Is.EqualTo((50.0, 80.0)));
        Assert.That(d.Gases, Is.EquivalentTo(new[] { "O2", "air", "N2", "Ar" }));
        Assert.That(d.HasGas("o2"), Is.True);
        Assert.That(d.HasGas("vacuum"), Is.False);
    }
}
