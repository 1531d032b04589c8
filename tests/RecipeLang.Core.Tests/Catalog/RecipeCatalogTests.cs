using RecipeLang.Catalog;
using RecipeLang.Units;

namespace RecipeLang.Core.Tests.Catalog;

public class RecipeCatalogTests
{
    private static RecipeCatalog Catalog => RecipeCatalog.Default;

    [Test]
    public void Default_is_loaded_once_and_cached() =>
        Assert.That(RecipeCatalog.Default, Is.SameAs(RecipeCatalog.Default));

    [Test]
    public void Holds_the_materials_of_the_design()
    {
        Assert.That(Catalog.Materials.Keys, Is.SupersetOf(new[] { "NCM111", "NCM523", "NCM622", "NCM65", "NCM811", "NCM83", "NCM90", "NCM94", "LCO" }));
        Assert.That(Catalog.FindMaterial("ncm811"), Is.SameAs(Catalog.Materials["NCM811"]));
    }

    [TestCase("NCM622", 0.6, false)]
    [TestCase("NCM65", 0.65, false)]
    [TestCase("NCM811", 0.8, true)]
    [TestCase("NCM94", 0.94, true)]
    [TestCase("LCO", 0.0, false)]
    public void Ni_fraction_and_Ni_rich_flag_are_derived(string name, double ni, bool niRich)
    {
        var material = Catalog.Materials[name];
        Assert.That(material.NiFraction, Is.EqualTo(ni).Within(1e-9));
        Assert.That(material.IsNiRich, Is.EqualTo(niRich));
        Assert.That(material.IsNiRich, Is.EqualTo(material.AllowedAtmospheres.SequenceEqual(["O2"])));
    }

    [TestCase("NCM65", 0.35)]
    [TestCase("NCM94", 0.06)]
    public void An_NCM_known_by_its_Ni_fraction_leaves_the_Co_Mn_split_open(string name, double coAndMn)
    {
        var material = Catalog.Materials[name];
        Assert.That(material.Composition.Keys, Does.Not.Contain("Co").And.Not.Contain("Mn"));
        Assert.That(material.Unsplit!.Elements, Is.EqualTo(new[] { "Co", "Mn" }));
        Assert.That(material.Unsplit.Total, Is.EqualTo(coAndMn).Within(1e-9));
        Assert.That(material.IsNcm, Is.True);
        Assert.That(material.MetalsPerFormula, Is.EqualTo(1.0).Within(1e-9));

        // The molar mass is the middle of the all-Mn and all-Co compositions, and says how far either end is.
        double Mass(string metal) => RecipeLang.Chemistry.Formula.TryParse($"LiNi{1 - coAndMn:0.##}{metal}{coAndMn:0.##}O2", out var f, out _) ? f!.MolarMass : double.NaN;
        Assert.That(material.MolarMass, Is.EqualTo((Mass("Co") + Mass("Mn")) / 2).Within(1e-9));
        Assert.That(material.MolarMassUncertainty, Is.EqualTo((Mass("Co") - Mass("Mn")) / 2).Within(1e-9));
    }

    [Test]
    public void A_complete_composition_has_no_molar_mass_uncertainty() =>
        Assert.That(Catalog.Materials["NCM523"].MolarMassUncertainty, Is.Zero);

    [Test]
    public void Ni_rich_threshold_is_data()
    {
        Assert.That(Catalog.Limits.NiRichThreshold.Value, Is.EqualTo(0.8));
        Assert.That(Catalog.Limits.NiRichThreshold.Source, Does.Contain("0.8"));
    }

    [Test]
    public void Material_anneal_windows_are_read_from_the_catalog()
    {
        var ncm523 = Catalog.Materials["NCM523"];
        Assert.That((ncm523.AnnealWindowC.Min, ncm523.AnnealWindowC.Max), Is.EqualTo((700.0, 900.0)));
        Assert.That(ncm523.AnnealWindowC.Contains(new Quantity(1123.15, UnitTable.Si(Dimension.Temperature))), Is.True);
        Assert.That(ncm523.IsNcm, Is.True);
        Assert.That(Catalog.Materials["LCO"].IsNcm, Is.False);
        Assert.That(ncm523.PreferredAtmosphere, Is.Null);
        Assert.That(Catalog.Materials["NCM622"].PreferredAtmosphere, Is.EqualTo("O2"));
    }

    [TestCase("LiOH", "LiOH", true)]
    [TestCase("LiOH*H2O", "LiOH·H2O", true)]
    [TestCase("LiOH·H2O", "LiOH·H2O", true)]
    [TestCase("citric_acid", "citric_acid", false)]
    [TestCase("C6H8O7", "citric_acid", false)]
    [TestCase("Citric_Acid", "citric_acid", false)]
    [TestCase("lithium_benzoate", "LiC7H5O2", true)]
    [TestCase("KOH", "KOH", false)]
    [TestCase("NH4OH", "NH4OH", false)]
    [TestCase("Li2SO4", "Li2SO4", true)]
    [TestCase("water", "water", false)]
    public void Reagents_resolve_by_name_formula_or_alias(string written, string name, bool lithium)
    {
        var reagent = Catalog.FindReagent(written);
        Assert.That(reagent, Is.Not.Null);
        Assert.That(reagent!.Name, Is.EqualTo(name));
        Assert.That(reagent.LithiumBearing, Is.EqualTo(lithium));
    }

    [Test]
    public void Unknown_reagent_is_null() => Assert.That(Catalog.FindReagent("unobtainium"), Is.Null);

    [Test]
    public void LiOH_carries_its_solubility_and_melting_point_with_sources()
    {
        var lioh = Catalog.FindReagent("LiOH")!;
        Assert.That(lioh.SolubilityM, Is.EqualTo(5.0));
        Assert.That(lioh.SolubilitySource, Does.Contain("Merck"));
        Assert.That(lioh.MeltingPointC, Is.EqualTo(462));
        Assert.That(lioh.HasRole(ReagentRoles.LithiumSource), Is.True);
        Assert.That(Catalog.FindReagent("LiNO3")!.DecompositionC, Is.EqualTo(600));
    }

    [Test]
    public void Eutectics_are_found_in_any_order_and_spelling()
    {
        var binary = Catalog.FindEutectic(["LiNO3", "LiOH"]);
        Assert.That(binary, Is.Not.Null);
        Assert.That(binary!.MeltingPointC!.Max, Is.EqualTo(175.7));

        var row5 = Catalog.FindEutectic(["Li2CO3", "LiOH*H2O", "LiNO3"]);
        Assert.That(row5, Is.Not.Null);
        Assert.That(row5!.Components, Does.Contain("LiOH·H2O"));

        var row4 = Catalog.FindEutectic(["lithium_benzoate", "LiNO3", "LiOH"]);
        Assert.That(row4, Is.Not.Null);
        Assert.That(row4!.MeltingPointC, Is.Null);
        Assert.That(row4.ReportedWorkingC!.Max, Is.EqualTo(300));

        Assert.That(Catalog.FindEutectic(["KCl", "LiCl"])!.MeltingPointC!.Min, Is.EqualTo(352));
        Assert.That(Catalog.FindEutectic(["Na2SO4", "LiOH", "Ni(OH)2"])!.ReportedWorkingC!.Min, Is.EqualTo(450));
        Assert.That(Catalog.FindEutectic(["LiOH", "KCl"]), Is.Null);
    }

    [TestCase("mix", "solid_state")]
    [TestCase("sinter", "anneal")]
    [TestCase("calcine", "anneal")]
    [TestCase("Anneal", "anneal")]
    [TestCase("hydrothermal", "hydrothermal")]
    public void Operations_resolve_aliases(string written, string name) =>
        Assert.That(Catalog.FindOperation(written)?.Name, Is.EqualTo(name));

    [Test]
    public void Holds_every_operation_of_the_design()
    {
        string[] names = ["hydrothermal", "molten_salt", "electrochemical", "solid_state", "anneal", "dope", "etch", "coat", "wash", "dry", "pyrolyze", "separate", "grind", "electrode"];
        Assert.That(Catalog.Operations.Keys, Is.SupersetOf(names));
        Assert.That(Catalog.FindOperation("frobnicate"), Is.Null);
        Assert.That(Catalog.OperationSpellings, Does.Contain("mix").And.Contain("anneal"));
    }

    [Test]
    public void Hydrothermal_signature_matches_the_design()
    {
        var op = Catalog.FindOperation("hydrothermal")!;
        Assert.That(op.Category, Is.EqualTo(OperationCategories.Wet));
        Assert.That(op.Parameters.Where(p => p.Required).Select(p => p.Name), Is.EquivalentTo(new[] { "concentration", "reagents", "temperature" }));
        var temperature = op.FindParameter("temperature")!;
        Assert.That(temperature.Dimension, Is.EqualTo(Dimension.Temperature));
        Assert.That((temperature.Typical!.Min, temperature.Typical.Max), Is.EqualTo((100.0, 220.0)));
        Assert.That(op.FindParameter("solvent")!.Keyword, Is.True);
        Assert.That(op.Repairs, Has.Some.Matches<RepairInfo>(r => r.Defect == "lithium_loss" && r.When == RepairCondition.LithiumReagent));
        Assert.That(op.Repairs, Has.Some.Matches<RepairInfo>(r => r.Defect == "rock_salt_surface" && r.When == RepairCondition.SurfaceReagent));
    }

    [Test]
    public void Only_NH4OH_is_a_surface_reconstruction_reagent_not_every_lithium_free_base()
    {
        Assert.That(Catalog.FindReagent("NH4OH")!.HasRole(ReagentRoles.SurfaceReconstruction), Is.True);
        Assert.That(Catalog.FindReagent("KOH")!.HasRole(ReagentRoles.SurfaceReconstruction), Is.False);
    }

    [Test]
    public void Anneal_ramp_typical_range_compares_with_rates_in_any_unit()
    {
        var ramp = Catalog.FindOperation("anneal")!.FindParameter("ramp")!;
        Assert.That(ramp.Typical!.Contains(new Quantity(5, Unit("K/min"))), Is.True);
        Assert.That(ramp.Typical.Contains(new Quantity(900, Unit("C/h"))), Is.False);
        Assert.That(ramp.Typical.Contains(new Quantity(3, Unit("h"))), Is.Null);
        Assert.That(ramp.Typical.Format(), Is.EqualTo("1–10 °C/min"));
    }

    [Test]
    public void Electrochemical_current_is_required_as_one_of_two_alternatives()
    {
        var op = Catalog.FindOperation("electrochemical")!;
        Assert.That(op.Parameters.Where(p => p.RequiredGroup == "current").Select(p => p.Dimension),
            Is.EquivalentTo(new Dimension?[] { Dimension.SpecificCurrent, Dimension.CRate }));
        Assert.That(op.Parameters.Where(p => p.RequiredGroup == "end").Select(p => p.Name), Is.EquivalentTo(new[] { "cutoff", "time" }));
    }

    [Test]
    public void Coatings_atmospheres_dopants_binders_and_defects_are_present()
    {
        Assert.That(Catalog.FindCoating("spandex")!.Kind, Is.EqualTo(CoatingKind.Polymer));
        Assert.That(Catalog.FindCoating("spandex")!.SurvivesUpToC, Is.EqualTo(200));
        Assert.That(Catalog.FindCoating("Li3PO4")!.Kind, Is.EqualTo(CoatingKind.Inorganic));
        Assert.That(Catalog.FindCoating("Al2O3")!.UsualAmount!.Unit, Is.EqualTo("wt%"));
        Assert.That(Catalog.FindAtmosphere("O2")!.Oxidizing, Is.True);
        Assert.That(Catalog.FindAtmosphere("vacuum")!.IsVacuum, Is.True);
        Assert.That(Catalog.FindAtmosphere("N2")!.Oxidizing, Is.False);
        Assert.That(Catalog.Dopants.Keys, Is.EquivalentTo(new[] { "Al", "Mg", "Ti", "Zr", "Cu", "B", "W", "Nb" }));
        Assert.That(Catalog.FindBinder("sodium_alginate")!.Name, Is.EqualTo("alginate"));
        Assert.That(Catalog.FindBinder("PAA")!.Elastic, Is.True);
        Assert.That(Catalog.FindConductive("CNT")!.Geometry, Is.EqualTo("line"));
        Assert.That(Catalog.Defects.Keys, Is.EquivalentTo(new[]
        {
            "lithium_loss", "cation_mixing", "oxygen_vacancy", "tm_dissolution", "microcracks", "rock_salt_surface",
            "cei_layer", "conductive_network_loss", "binder_degradation", "delamination",
        }));
        Assert.That(Catalog.FindDefect("lithium_loss")!.Parameters.Single().Name, Is.EqualTo("li_tm"));
    }

    private static Unit Unit(string spelling)
    {
        Assert.That(UnitTable.TryLookup(spelling, out var unit), Is.True);
        return unit;
    }
}
