using System.Security.Cryptography;
using System.Text;
using RecipeLang.Catalog;

namespace RecipeLang.Core.Tests.Catalog;

public class EquipmentProfileTests
{
    [Test]
    public void Default_profile_matches_the_process_rules()
    {
        var d = EquipmentProfile.Default;
        Assert.That((d.FurnaceMaxC, d.AutoclaveMaxC, d.AutoclaveRoutineMaxC, d.AutoclaveMaxBar), Is.EqualTo((1100.0, 240.0, 200.0, 30.0)));
        Assert.That((d.AutoclaveFillRatio.Min, d.AutoclaveFillRatio.Max), Is.EqualTo((60.0, 80.0)));
        Assert.That(d.Gases, Is.EquivalentTo(new[] { "O2", "air", "N2", "Ar" }));
        Assert.That(d.HasGas("o2"), Is.True);
        Assert.That(d.HasGas("vacuum"), Is.False);
    }

    [Test]
    public void Canonical_text_is_the_documented_form()
    {
        Assert.That(EquipmentProfile.Default.CanonicalText(),
            Is.EqualTo("furnaceMaxC=1100;autoclaveMaxC=240;autoclaveMaxBar=30;gases=Ar,N2,O2,air"));
    }

    [Test]
    public void Hash_is_lowercase_sha256_of_the_canonical_text()
    {
        const string expected = "85a22177d11ed99ede658da9f60ee2e921604c1f10b44a3b46af4ab14c043acb";
        Assert.That(EquipmentProfile.Default.ComputeHash(), Is.EqualTo(expected));
        var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EquipmentProfile.Default.CanonicalText())));
        Assert.That(recomputed, Is.EqualTo(expected));
    }

    [Test]
    public void Hash_ignores_gas_order_but_not_limits()
    {
        var d = EquipmentProfile.Default;
        Assert.That((d with { Gases = ["air", "Ar", "O2", "N2"] }).ComputeHash(), Is.EqualTo(d.ComputeHash()));
        Assert.That((d with { FurnaceMaxC = 1200 }).ComputeHash(), Is.Not.EqualTo(d.ComputeHash()));
        Assert.That((d with { FurnaceMaxC = 1100.5 }).CanonicalText(), Does.StartWith("furnaceMaxC=1100.5;"));
        Assert.That((d with { Gases = ["O2"] }).ComputeHash(), Is.Not.EqualTo(d.ComputeHash()));
    }
}
