using RecipeLang.Binding;

namespace RecipeLang.Core.Tests.Binding;

public class ArgumentMapTests
{
    [Test]
    public void ANameSetAgainKeepsItsPlace()
    {
        var builder = new ArgumentMap<int>.Builder();
        builder["time"] = 1;
        builder["temperature"] = 2;
        builder["time"] = 3;

        var map = builder.DrainToMap();

        Assert.That(map.Select(p => (p.Key, p.Value)), Is.EqualTo(new[] { ("time", 3), ("temperature", 2) }));
        Assert.That((map["temperature"], map.GetValueOrDefault("ramp"), map.ContainsKey("time"), map.Count), Is.EqualTo((2, 0, true, 2)));
        Assert.That(() => map["ramp"], Throws.InstanceOf<KeyNotFoundException>());
    }

    [Test]
    public void LookUpsAreOrdinal()
    {
        var builder = new ArgumentMap<string>.Builder();
        builder["time"] = "3h";
        var map = builder.DrainToMap();

        Assert.That((map.TryGetValue("Time", out _), map.TryGetValue("time", out var value), value), Is.EqualTo((false, true, "3h")));
    }

    [Test]
    public void DrainingEmptiesTheBuilderAndLeavesEarlierMapsAlone()
    {
        var builder = new ArgumentMap<int>.Builder(capacity: 1);
        builder["a"] = 1;
        var first = builder.DrainToMap();
        builder["b"] = 2;
        builder["c"] = 3;
        var second = builder.DrainToMap();

        Assert.That(first.Keys, Is.EqualTo(new[] { "a" }));
        Assert.That(second.Keys, Is.EqualTo(new[] { "b", "c" }));
        Assert.That((builder.Count, builder.DrainToMap()), Is.EqualTo((0, ArgumentMap<int>.Empty)));
    }
}
