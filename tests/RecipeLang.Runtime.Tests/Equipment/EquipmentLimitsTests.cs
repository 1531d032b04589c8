using System.Security.Cryptography;
using System.Text;
using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Equipment;

public class EquipmentLimitsTests
{
    [Test]
    public void Hash_is_sha256_of_the_documented_canonical_text()
    {
        const string canonical = "furnace_max_c=1100\nautoclave_max_c=240\nautoclave_max_bar=22.5\nallowed_gases=AIR,AR,N2,O2\n";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        Assert.That(EquipmentLimits.ComputeHash(1100, 240, 22.5, ["O2", "air", "N2", "Ar"]), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_ignores_gas_order_case_and_duplicates_but_not_limits()
    {
        var hash = EquipmentLimits.ComputeHash(1100, 240, 30, ["O2", "air"]);

        Assert.That(EquipmentLimits.ComputeHash(1100, 240, 30, ["AIR", " o2", "O2"]), Is.EqualTo(hash));
        Assert.That(EquipmentLimits.ComputeHash(1100.5, 240, 30, ["O2", "air"]), Is.Not.EqualTo(hash));
        Assert.That(EquipmentLimits.ComputeHash(1100, 240, 30, ["O2"]), Is.Not.EqualTo(hash));
    }

    [Test]
    public void Limits_carry_their_own_hash_and_allow_vacuum_always()
    {
        var limits = new EquipmentLimits(1100, 240, 30, ["O2", "air"]);

        Assert.That(limits.Hash, Is.EqualTo(EquipmentLimits.ComputeHash(1100, 240, 30, ["air", "O2"])));
        Assert.That(limits.Allows(Gas.Named("o2")), Is.True);
        Assert.That(limits.Allows(Gas.Vacuum), Is.True);
        Assert.That(limits.Allows(Gas.Argon), Is.False);
    }

    [TestCase(0, 240, 30)]
    [TestCase(1100, double.NaN, 30)]
    [TestCase(1100, 240, -1)]
    public void Limits_must_be_positive_numbers(double furnace, double autoclave, double bar) =>
        Assert.That(() => new EquipmentLimits(furnace, autoclave, bar, ["O2"]),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("must be a positive number"));
}
