using RecipeLang.Catalog;
using RecipeLang.Compiler.Output;

namespace RecipeLang.Compiler.Tests;

public class OutputTests
{
    [Test]
    public void Bill_for_a_50_g_hydrothermal_batch_states_the_litres_and_grams_of_lioh_monohydrate()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var bill = BillOfMaterials.Create(recipe, RecipeCatalog.Default);
        var solution = bill.Solutions.Single();
        // 50 g at the default 50 g/L solids loading: 1 L of 4 M LiOH.
        Assert.That(solution.Litres, Is.EqualTo(1.0).Within(1e-9));
        Assert.That(solution.HydrateName, Is.EqualTo("LiOH·H2O"));
        Assert.That(solution.HydrateMolarMass, Is.EqualTo(41.96).Within(0.01));
        Assert.That(solution.HydrateGrams, Is.EqualTo(4 * solution.Litres * solution.HydrateMolarMass!.Value).Within(1e-9));
        Assert.That(solution.HydrateGrams, Is.EqualTo(167.84).Within(0.05));
        var text = bill.ToText();
        Assert.That(text, Does.Contain("LiOH·H2O").And.Contain("167.85 g").And.Contain("1 L at 4 M"));
        Assert.That(text, Does.Contain("50 g at 50 g/L solids (assumption: engineering default, not from the literature) = 1 L"));
    }

    [Test]
    public void An_explicit_volume_sets_the_litres_of_solution()
    {
        var recipe = LoweringTests.Lower("recipe r for NCM523 { batch 50g\n hydrothermal 4M LiOH 220C 3h volume 0.6L then wash water x3 then dry 80C 12h then anneal 850C O2 4h }");
        var solution = BillOfMaterials.Create(recipe, RecipeCatalog.Default).Solutions.Single();
        Assert.That(solution.Litres, Is.EqualTo(0.6).Within(1e-9));
        Assert.That(solution.HydrateGrams, Is.EqualTo(4 * 0.6 * 41.96).Within(0.02));
    }

    [Test]
    public void Bill_counts_wash_liquid_and_furnace_gas()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var bill = BillOfMaterials.Create(recipe, RecipeCatalog.Default);
        Assert.That(bill.Liquids.Single(l => l.Liquid == "water").Litres, Is.EqualTo(1.5).Within(1e-9));
        // O2 at 0.5 L/min for the ramp 25 -> 850 °C at 5 °C/min (165 min) and the 4 h hold (240 min).
        Assert.That(bill.Gases.Single(g => g.Gas == "O2").Litres, Is.EqualTo(0.5 * (165 + 240)).Within(1e-9));
        Assert.That(bill.Solids.Single(s => s.Reagent == "Li3PO4").Grams, Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void Procedure_lists_every_step_with_its_verbs_as_sentences()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var markdown = ProcedureWriter.Write(recipe, BillOfMaterials.Create(recipe, RecipeCatalog.Default));
        Assert.That(markdown, Does.StartWith("# ncm523\\_hydrothermal"));
        Assert.That(markdown, Does.Contain("1. **hydrothermal 4M LiOH 220C 3h** (line 9)"));
        Assert.That(markdown, Does.Contain("   - [ ] Seal the autoclave."));
        Assert.That(markdown, Does.Contain("   - [ ] Ramp the furnace to 850 °C at 5 °C/min."));
        Assert.That(markdown, Does.Contain("5. **coat Li3PO4 1wt%** (line 13)"));
    }
}
