using RecipeLang.Catalog;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Tests.Agreement;

/// <summary>The checker's catalog and the runtime's interlock read one steam table: they agree at every temperature.</summary>
public class SteamTableAgreementTests
{
    [Test]
    public void CheckerAndInterlockGiveTheSamePressure()
    {
        for (var c = 0.0; c <= 400; c += 0.5)
        {
            var checker = RecipeCatalog.Default.Water.PressureBar(c);
            var runtime = SteamTable.SaturationPressure(Temperature.Celsius(c)).InBar;
            Assert.That(runtime, Is.EqualTo(checker).Within(1e-9), $"{c} °C");
        }
    }
}
