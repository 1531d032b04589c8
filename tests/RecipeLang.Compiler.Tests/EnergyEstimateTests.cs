using RecipeLang.Catalog;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Compiler.Output;
using RecipeLang.Configuration;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Tests;

public class EnergyEstimateTests
{
    private static RecipeCatalog CatalogWith(string equipmentJson)
    {
        var site = SiteConfig.Parse($$"""{ "equipment": {{equipmentJson}} }""", "/site/recipelang.json");
        Assert.That(site.Errors, Is.Empty);
        return site.Config!.Catalog;
    }

    [Test]
    public void Rated_powers_times_heater_on_time_give_the_energy_of_each_vessel_and_the_total()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var catalog = CatalogWith("""{ "furnaceHeaterKw": 3, "autoclaveHeaterKw": 1.5, "dryerHeaterKw": 0.8 }""");
        var energy = BillOfMaterials.Create(recipe, catalog).Energy;

        // Autoclave: ramp 25 -> 220 °C at 5 °C/min (39 min) + 3 h hold = 219 min = 3.65 h; × 1.5 kW = 5.475 kWh.
        // Dryer: 12 h × 0.8 kW = 9.6 kWh. Furnace: ramp 25 -> 850 °C at 5 °C/min (165 min) + 4 h = 6.75 h; × 3 kW = 20.25 kWh.
        Assert.That(energy.Heaters.Select(h => h.Vessel), Is.EqualTo(new[] { Vessel.Furnace, Vessel.Autoclave, Vessel.Dryer }));
        var byVessel = energy.Heaters.ToDictionary(h => h.Vessel);
        Assert.That(byVessel[Vessel.Autoclave].HeaterHours, Is.EqualTo(3.65).Within(1e-9));
        Assert.That(byVessel[Vessel.Autoclave].KilowattHours, Is.EqualTo(5.475).Within(1e-9));
        Assert.That(byVessel[Vessel.Dryer].KilowattHours, Is.EqualTo(9.6).Within(1e-9));
        Assert.That(byVessel[Vessel.Furnace].HeaterHours, Is.EqualTo(6.75).Within(1e-9));
        Assert.That(byVessel[Vessel.Furnace].KilowattHours, Is.EqualTo(20.25).Within(1e-9));
        Assert.That(energy.TotalKilowattHours, Is.EqualTo(35.325).Within(1e-9));

        var text = BillOfMaterials.Create(recipe, catalog).ToText();
        Assert.That(text, Does.Contain("energy    furnace                     20.25 kWh at most (3 kW × 6.75 h heater on)"));
        Assert.That(text, Does.Contain("5.48 kWh at most (1.5 kW × 3.65 h heater on)"));
        Assert.That(text, Does.Contain("35.33 kWh at most (furnace + autoclave + dryer)"));
    }

    [Test]
    public void A_heater_without_a_rated_power_names_the_key_to_set_and_is_left_out_of_the_total()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var bill = BillOfMaterials.Create(recipe, CatalogWith("""{ "furnaceHeaterKw": 3 }"""));
        var text = bill.ToText();
        Assert.That(text, Does.Contain("energy    dryer                  heater on 12 h; set equipment.dryerHeaterKw (rated kW) in recipelang.json to estimate its energy"));
        Assert.That(text, Does.Contain("set equipment.autoclaveHeaterKw"));
        Assert.That(bill.Energy.TotalKilowattHours, Is.EqualTo(20.25).Within(1e-9));
        Assert.That(text, Does.Contain("20.25 kWh at most (furnace; without the autoclave, dryer)"));
    }

    [Test]
    public void Without_any_rated_power_every_heated_vessel_asks_for_its_key_and_no_total_is_claimed()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "ncm523_hydrothermal");
        var bill = BillOfMaterials.Create(recipe, RecipeCatalog.Default);
        var text = bill.ToText();
        Assert.That(bill.Energy.TotalKilowattHours, Is.Null);
        Assert.That(text, Does.Contain("set equipment.furnaceHeaterKw").And.Contain("set equipment.autoclaveHeaterKw").And.Contain("set equipment.dryerHeaterKw"));
        Assert.That(text, Does.Not.Contain("kWh").And.Not.Contain("catalog has no"));
    }

    [Test]
    public void A_heated_mixer_counts_its_ramp_and_the_sonication_until_it_is_cooled()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "lco_electrochemical");
        var energy = BillOfMaterials.Create(recipe, CatalogWith("""{ "mixerHeaterKw": 0.6 }""")).Energy;
        // separate NMP 80C 1h ultrasonic: ramp 25 -> 80 °C at 5 °C/min (11 min) + 60 min sonication = 71 min.
        var mixer = energy.Heaters.Single(h => h.Vessel == Vessel.Mixer);
        Assert.That(mixer.HeaterHours, Is.EqualTo(71.0 / 60).Within(1e-9));
        Assert.That(mixer.KilowattHours, Is.EqualTo(0.6 * 71 / 60).Within(1e-9));
        // Two drying steps of 12 h each.
        Assert.That(energy.Heaters.Single(h => h.Vessel == Vessel.Dryer).HeaterHours, Is.EqualTo(24).Within(1e-9));
    }

    [Test]
    public void A_galvanostatic_run_states_its_charge_and_that_the_cell_voltage_is_missing()
    {
        var recipe = Examples.Table1.Single(r => r.Name == "lco_electrochemical");
        var bill = BillOfMaterials.Create(recipe, RecipeCatalog.Default);
        // 10 mA/g × 5 g = 50 mA for at most 6 h = 300 mAh.
        var run = bill.Energy.CellRuns.Single();
        Assert.That((run.Milliamperes, run.Hours, run.Volts), Is.EqualTo(((double?)-50.0, 6.0, -0.8)));
        Assert.That(bill.ToText(), Does.Contain("cell                   not estimated: -50 mA for at most 6 h (300 mAh) is known, the cell voltage is not (-0.8 V is only the cut-off)"));
    }

    [Test]
    public void Heater_powers_leave_the_equipment_profile_hash_unchanged()
    {
        var rated = CatalogWith("""{ "furnaceHeaterKw": 3, "autoclaveHeaterKw": 1.5, "dryerHeaterKw": 0.8, "mixerHeaterKw": 0.6 }""").Equipment;
        Assert.That(rated.FurnaceHeaterKw, Is.EqualTo(3));
        Assert.That(Lowerer.ProfileHash(rated), Is.EqualTo(Lowerer.ProfileHash(EquipmentProfile.Default)));
    }

    [Test]
    public void A_recipe_that_heats_nothing_says_so()
    {
        var recipe = LoweringTests.Lower("recipe r for NCM523 { batch 50g\n wash water x3 }");
        var text = BillOfMaterials.Create(recipe, RecipeCatalog.Default).ToText();
        Assert.That(text, Does.Contain("energy    none: no step heats a vessel or runs the cell"));
    }
}
