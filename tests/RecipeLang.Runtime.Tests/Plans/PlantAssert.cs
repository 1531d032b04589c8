using RecipeLang.Runtime;
using RecipeLang.Runtime.Simulation;

namespace RecipeLang.Runtime.Tests.Plans;

public static class PlantAssert
{
    /// <summary>Heaters off everywhere, autoclave open, furnace and autoclave under inert gas.</summary>
    public static void IsInSafeState(SimulatedPlant plant)
    {
        Assert.Multiple(() =>
        {
            foreach (var vessel in Enum.GetValues<Vessel>())
                Assert.That(plant.State(vessel).HeaterOn, Is.False, $"{vessel} heater");
            Assert.That(plant.State(Vessel.Autoclave).Sealed, Is.False, "autoclave sealed");
            Assert.That(plant.State(Vessel.Furnace).Atmosphere?.IsInert, Is.True, "furnace purged");
            Assert.That(plant.State(Vessel.Autoclave).Atmosphere?.IsInert, Is.True, "autoclave purged");
        });
    }
}
