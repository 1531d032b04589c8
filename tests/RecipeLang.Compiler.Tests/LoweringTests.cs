using RecipeLang.Catalog;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Tests;

public class LoweringTests
{
    [Test]
    public void Every_catalogued_operation_has_a_template() =>
        Assert.That(RecipeCatalog.Default.Operations.Keys, Is.SubsetOf(LoweringTemplates.ByOperation.Keys));

    [TestCaseSource(typeof(Examples), nameof(Examples.Table1Files))]
    public void Table1_example_lowers_to_its_golden_step_list(string file)
    {
        var recipes = Examples.LowerFile(Path.Combine(Examples.Root, "examples", "table1", file));
        Golden.Match(Path.Combine("lowering", Path.ChangeExtension(file, ".txt")), string.Join("\n", recipes.Select(Render)));
    }

    [Test]
    public void Hydrothermal_charges_seals_ramps_holds_cools_and_vents_and_the_wash_takes_the_solids_out()
    {
        var recipe = Lower("hydrothermal 4M LiOH 220C 3h then wash water x3 then dry 80C 12h");
        var step = recipe.Steps[0];
        Assert.That(step.Verbs.Select(v => v.Kind), Is.EqualTo(new[]
        {
            VerbKind.Charge, VerbKind.ChargeSolution, VerbKind.Seal, VerbKind.Ramp, VerbKind.Hold, VerbKind.Cool, VerbKind.Vent,
        }));
        Assert.That(step.Verbs.All(v => v.Vessel == Vessel.Autoclave), Is.True);
        Assert.That(recipe.Steps[1].Verbs[0].ToString(), Is.EqualTo("Transfer Autoclave: Mixer"));
        Assert.That(step.Verbs[1].Arguments.Select(a => a.ToString()), Is.EqualTo(new[] { "LiOH", "4 M", "200 mL" }));
        Assert.That(step.Verbs[3].Arguments[0], Is.EqualTo(new VerbArgument(ArgumentKind.Temperature, 220)));
        Assert.That(step.Verbs[4].Arguments[0], Is.EqualTo(new VerbArgument(ArgumentKind.Duration, 3 * 3600)));
    }

    [Test]
    public void Anneal_sets_the_gas_ramps_at_the_given_rate_holds_and_cools()
    {
        var step = Lower("recipe r for NCM523 { batch 50g\n solid_state LiOH·H2O excess 5% then anneal 850C O2 4h ramp 3C/min }").Steps[1];
        Assert.That(step.Verbs.Select(v => v.ToString()), Is.EqualTo(new[]
        {
            "Transfer Mixer: Furnace",
            "SetAtmosphere Furnace: O2, 0.5 L/min",
            "Ramp Furnace: 850 °C, 3 °C/min",
            "Hold Furnace: 4 h",
            "Cool Furnace: 50 °C",
        }));
    }

    [Test]
    public void A_relithiation_current_is_cathodic()
    {
        // The recipe writes the magnitude (a negative one is RL2005); lithium goes in, a reduction, so the plan's current is negative.
        var recipe = Lower("recipe r for LCO { batch 5g\n electrochemical Li2SO4 1M 10mA/g cutoff -0.8V 6h }");

        var applied = recipe.Steps[0].Verbs.Single(v => v.Kind == VerbKind.ApplyCurrent).Arguments[0];
        Assert.That(applied.Number, Is.EqualTo(-50).Within(1e-9));
    }

    [Test]
    public void A_c_rate_becomes_a_current_from_the_materials_theoretical_capacity()
    {
        var recipe = Lower("recipe r for NCM523 { batch 5g\n electrochemical 0.5C 1M Li2SO4 cutoff -0.8V }");

        // NCM523, LiNi0.5Co0.2Mn0.3O2: M = 96.6 g/mol, F / (3.6 M) = 277.5 mAh/g; 0.5C × 277.5 mA/g × 5 g = 693.8 mA,
        // cathodic (lithium goes in: a reduction), which the runtime counts negative.
        var current = recipe.Steps[0].Verbs.Single(v => v.Kind == VerbKind.ApplyCurrent).Arguments[0];
        Assert.That(current.Kind, Is.EqualTo(ArgumentKind.Current));
        Assert.That(current.Number, Is.EqualTo(-693.8).Within(0.5));
        Assert.That(recipe.Assumptions, Has.Some.Contains("1C is the theoretical capacity of NCM523, 277."));
    }

    [Test]
    public void A_material_known_only_by_its_Ni_fraction_is_sized_at_the_middle_of_its_molar_mass_and_says_so()
    {
        var recipe = Lower("recipe r for NCM65 { defects lithium_loss(li_tm = 0.9)\n batch 50g\n solid_state Li2CO3 excess 5% then anneal 820C O2 4h }");

        // LiNi0.65(Co,Mn)0.35O2: 96.32 g/mol all Mn, 97.71 g/mol all Co; 50 g / 97.02 g/mol = 0.5154 mol.
        Assert.That(recipe.Assumptions, Has.Some.Contains("NCM65: the Co/Mn split is not known; its molar mass is taken as 97.02 ± 0.7 g/mol"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("for 0.5154 mol NCM65"));
    }

    /// <summary>
    /// Walks the verbs the way the plant would: the batch is charged once, a transfer starts where the solids are,
    /// and every other verb works on the vessel that holds them.
    /// </summary>
    [TestCaseSource(typeof(Examples), nameof(Examples.Table1Files))]
    public void Table1_verbs_work_only_where_the_solids_are_and_the_batch_is_charged_once(string file)
    {
        foreach (var recipe in Examples.LowerFile(Path.Combine(Examples.Root, "examples", "table1", file)))
        {
            Vessel? solids = null;
            var charges = 0;
            foreach (var (step, verb) in recipe.Steps.SelectMany(s => s.Verbs.Select(v => (s, v))))
            {
                var where = $"{recipe.Name} step {step.Index + 1}: {verb}";
                if (verb.Kind == VerbKind.Charge && verb.Arguments[0].Text == recipe.Material)
                {
                    charges++;
                    Assert.That(verb.Arguments[1].Number, Is.EqualTo(recipe.BatchGrams), where);
                    solids = verb.Vessel;
                    continue;
                }
                Assert.That(verb.Vessel, Is.EqualTo(solids), where);
                if (verb.Kind == VerbKind.Transfer)
                {
                    var to = Enum.Parse<Vessel>(verb.Arguments[0].Text!);
                    Assert.That(to, Is.Not.EqualTo(solids), where);
                    solids = to;
                }
            }
            Assert.That(charges, Is.EqualTo(1), recipe.Name);
        }
    }

    [Test]
    public void A_recipe_that_starts_with_a_wash_charges_the_batch_into_the_mixer()
    {
        var recipe = Examples.LowerFile(Path.Combine(Examples.Root, "examples", "ncm622-solid-state-with-constants.recipe")).Single();
        Assert.That(recipe.Steps[0].Verbs.Select(v => v.ToString()).Take(2), Is.EqualTo(new[] { "Charge Mixer: NCM622, 100 g", "Wash Mixer: ethanol, 1000 mL, x2" }));
    }

    [Test]
    public void A_step_in_another_vessel_first_transfers_the_solids_there_and_a_step_in_the_same_vessel_does_not()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n solid_state LiOH·H2O excess 5% then grind 30min then anneal 850C O2 4h then coat Li3PO4 1wt% }");
        Assert.That(recipe.Steps.Select(s => s.Verbs[0].ToString()), Is.EqualTo(new[]
        {
            "Charge Mixer: NCM523, 50 g",
            "Stir Mixer: 300 rpm, 30 min",
            "Transfer Mixer: Furnace",
            "Transfer Furnace: Mixer",
        }));
        Assert.That(recipe.Steps.SelectMany(s => s.Verbs).Count(v => v.Kind == VerbKind.Transfer), Is.EqualTo(2));
    }

    [Test]
    public void Solution_volume_comes_from_an_explicit_volume_before_the_solids_loading()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n hydrothermal 4M LiOH 220C 3h volume 0.75L then wash water x3 then dry 80C 12h then anneal 850C O2 4h }");
        Assert.That(recipe.Steps[0].Verbs[1].Arguments[2], Is.EqualTo(new VerbArgument(ArgumentKind.Volume, 750)));
        Assert.That(recipe.Assumptions.Any(a => a.Contains("solution volume")), Is.False);
        Assert.That(recipe.Assumptions, Has.Some.EndsWith("autoclave liner: 0.75 L at 50–80 % fill (site profile) needs 0.938–1.5 L"));
    }

    [Test]
    public void The_recipes_fill_ratio_sizes_the_autoclave_liner()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n hydrothermal 4M LiOH 220C 3h volume 0.75L fill 75% then wash water x3 then dry 80C 12h then anneal 850C O2 4h }");
        Assert.That(recipe.Assumptions, Has.Some.EndsWith("autoclave liner: 0.75 L at 75 % fill (recipe) needs 1 L"));
    }

    [Test]
    public void Values_the_recipe_leaves_open_are_recorded_as_assumptions()
    {
        var recipe = Lower("hydrothermal 4M LiOH 220C then wash water x3 then dry 80C 12h");
        Assert.That(recipe.Assumptions[0], Is.EqualTo("batch not given: 10 g (assumption: engineering default, not from the literature)"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("time not given: 6 h (review Table 1 hydrothermal holds"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("10 g at 50 g/L solids (assumption: engineering default, not from the literature) = 0.2 L"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("wash volume: 10 mL per g of batch = 100 mL (assumption: engineering default"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("cooled before opening to: 50 °C (assumption: engineering default"));
    }

    [Test]
    public void Every_default_a_template_reads_is_catalogued_with_a_source()
    {
        foreach (var (name, templates) in LoweringTemplates.ByOperation)
        {
            var operation = RecipeCatalog.Default.Operations[name];
            var arguments = templates.SelectMany(t => t.Arguments).ToList();
            // A required parameter, or one a verb is written only for (When), is always there when it is read.
            var keys = templates.SelectMany(t => t.Arguments.SelectMany(a => a.DefaultNames).Where(k => k != t.When))
                .Where(k => operation.FindParameter(k)?.Required != true)
                .Distinct();
            foreach (var key in keys)
            {
                Assert.That(operation.FindDefault(key)?.Source, Is.Not.Null.And.Not.Empty, $"{name}: default {key}");
            }
            var reagents = templates.SelectMany(t => t.Arguments.OfType<ArgumentSource.Named>().Select(a => a.Name).Where(k => k != t.When))
                .Where(k => operation.FindParameter(k)?.Required != true)
                .Distinct();
            foreach (var key in reagents)
            {
                Assert.That(operation.FindDefaultReagent(key)?.Source, Is.Not.Null.And.Not.Empty, $"{name}: default {key}");
            }
            if (arguments.Any(a => a.ReadsDefaultAtmosphere))
            {
                Assert.That(operation.DefaultAtmosphere?.Source, Is.Not.Null.And.Not.Empty, $"{name}: default atmosphere");
            }
            if (arguments.Any(a => a is ArgumentSource.Parameter { Name: "time" }))
            {
                Assert.That(operation.FindDefault("time")?.ToQuantity()?.Dimension, Is.EqualTo(Units.Dimension.Time), $"{name}: default hold time");
            }
        }
    }

    [Test]
    public void A_solid_lithium_source_makes_up_the_declared_deficiency_plus_the_excess()
    {
        var recipe = Lower("recipe r for NCM523 { defects lithium_loss(li_tm = 0.9)\n batch 50g\n solid_state Li2CO3 excess 5% then anneal 850C O2 4h }");
        var moles = 50 / (6.94 + 0.5 * 58.693 + 0.2 * 58.933 + 0.3 * 54.938 + 2 * 15.999);
        var expected = moles * 0.1 * 1.05 / 2 * (2 * 6.94 + 12.011 + 3 * 15.999);
        Assert.That(recipe.Steps[0].Verbs.Single(v => v.Arguments[0].Text == "Li2CO3").Arguments[1].Number, Is.EqualTo(expected).Within(0.01));
        Assert.That(recipe.Assumptions, Has.Some.Contains("Li/TM 0.9 (declared lithium_loss); the deficiency of 0.1 Li per formula unit"));
    }

    [Test]
    public void Without_a_measured_li_tm_the_lithium_source_uses_the_catalogued_spent_ratio()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n solid_state Li2CO3 excess 5% then anneal 850C O2 4h }");
        var declared = Lower("recipe r for NCM523 { defects lithium_loss(li_tm = 0.62)\n batch 50g\n solid_state Li2CO3 excess 5% then anneal 850C O2 4h }");
        Assert.That(recipe.Steps[0].Verbs[0].Arguments[1], Is.EqualTo(declared.Steps[0].Verbs[0].Arguments[1]));
        Assert.That(recipe.Assumptions, Has.Some.Contains("Li/TM 0.62 assumed, no measured lithium_loss(li_tm) declared (review §Bulk defect repair citing [80] Yu et al. 2022"));
    }

    [Test]
    public void A_lithium_source_with_neither_amount_nor_excess_is_not_sized_by_a_guess()
    {
        var analysis = Examples.Analyze("inline.recipe", "recipe r for NCM523 { batch 50g\n solid_state Li2CO3 then anneal 850C O2 4h }");
        Assert.That(analysis.HasErrors, Is.True, "the checker requires an amount or an excess");
        var error = Assert.Throws<LoweringException>(() => Lowerer.Lower(analysis.Recipes.Single(), analysis.Catalog.Equipment, "inline.recipe"));
        Assert.That(error!.Message, Does.EndWith("has neither an amount nor an excess for its lithium source."));
    }

    [Test]
    public void A_separation_without_a_solvent_soaks_in_the_catalogued_NMP_and_a_wash_without_a_count_runs_once()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n separate then wash water then anneal 850C O2 4h }");
        var washes = recipe.Steps.SelectMany(s => s.Verbs).Where(v => v.Kind == VerbKind.Wash).Select(v => v.ToString());
        Assert.That(washes, Is.EqualTo(new[] { "Wash Mixer: NMP, 500 mL, x1", "Wash Mixer: water, 500 mL, x1" }));
        Assert.That(recipe.Assumptions, Has.Some.Contains("solvent not given: NMP (Arkema, Kynar PVDF solubility table"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("repeats not given: 1 (assumption: engineering default, one wash"));
    }

    [Test]
    public void A_pyrolysis_without_a_gas_runs_in_air()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n pyrolyze 500C 1h then anneal 850C O2 4h }");
        Assert.That(recipe.Steps[0].Verbs[1].ToString(), Is.EqualTo("SetAtmosphere Furnace: air, 0.5 L/min"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("atmosphere not given: air (assumption: engineering default, air"));
    }

    [TestCase("", 50 * 5 / 90.0, 50 * 5 / 90.0)]
    [TestCase(" ratio 96:2:2", 50 * 2 / 96.0, 50 * 2 / 96.0)]
    [TestCase(" ratio 92:5:3", 50 * 3 / 92.0, 50 * 5 / 92.0)]
    public void Electrode_binder_and_conductive_follow_the_ratio_else_the_catalogued_90_5_5(string ratio, double binder, double conductive)
    {
        var recipe = Lower($"recipe r for NCM523 {{ batch 50g\n electrode binder PVDF conductive carbon_black{ratio} }}");
        var charges = recipe.Steps[0].Verbs.Where(v => v.Kind == VerbKind.Charge).ToDictionary(v => v.Arguments[0].Text!, v => v.Arguments[1].Number);
        Assert.That(charges["PVDF"], Is.EqualTo(binder).Within(1e-9));
        Assert.That(charges["carbon_black"], Is.EqualTo(conductive).Within(1e-9));
        Assert.That(recipe.Assumptions.Any(a => a.Contains("ratio not given: active:conductive:binder 90:5:5 wt%")), Is.EqualTo(ratio.Length == 0));
    }

    [Test]
    public void An_electrode_step_charges_only_the_components_it_names()
    {
        var recipe = Lower("recipe r for NCM523 { batch 50g\n electrode binder PAA }");
        var charges = recipe.Steps[0].Verbs.Where(v => v.Kind == VerbKind.Charge).Select(v => v.ToString());
        Assert.That(charges, Is.EqualTo(new[] { "Charge Mixer: NCM523, 50 g", $"Charge Mixer: PAA, {50 * 5 / 90.0:0.####} g" }));
    }

    [Test]
    public void Site_equipment_settings_replace_the_engineering_defaults()
    {
        var analysis = Examples.Analyze("inline.recipe", "recipe r for NCM523 { batch 50g\n separate NMP then anneal 850C O2 4h }");
        var profile = analysis.Catalog.Equipment with { GasFlowLPerMin = 2, WashMlPerGram = 4, StirRpm = 500, OpenBelowC = 40 };
        var recipe = Lowerer.Lower(analysis.Recipes.Single(), profile, "inline.recipe");
        Assert.That(recipe.Steps.SelectMany(s => s.Verbs).Select(v => v.ToString()), Is.SupersetOf(new[]
        {
            "Wash Mixer: NMP, 200 mL, x1",
            "Stir Mixer: 500 rpm, 1 h",
            "SetAtmosphere Furnace: O2, 2 L/min",
            "Cool Furnace: 40 °C",
        }));
        Assert.That(recipe.Assumptions, Has.Some.Contains("gas flow: 2 L/min (site profile)"));
        Assert.That(recipe.Assumptions, Has.Some.Contains("wash volume: 4 mL per g of batch = 200 mL (site profile)"));
    }

    [Test]
    public void Profile_hash_is_the_runtime_hash_of_the_site_limits()
    {
        var profile = EquipmentProfile.Default;
        var limits = new EquipmentLimits(profile.FurnaceMaxC, profile.AutoclaveMaxC, profile.AutoclaveMaxBar, profile.Gases);
        Assert.That(Lowerer.ProfileHash(profile), Is.EqualTo(limits.Hash));
    }

    internal static LoweredRecipe Lower(string text) =>
        Examples.LowerFile(Path.Combine(Examples.Root, "inline.recipe"), text).Single();

    private static string Render(LoweredRecipe recipe) =>
        $"recipe {recipe.Name} for {recipe.Material} (batch {recipe.BatchGrams} g)\n" +
        string.Concat(recipe.Steps.Select(s => $"  {s.Index + 1}. line {s.Line}: {s.Description}\n" + string.Concat(s.Verbs.Select(v => $"     {v}\n")))) +
        string.Concat(recipe.Assumptions.Select(a => $"  assumed: {a}\n"));
}
