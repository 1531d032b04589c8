using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Catalog;
using RecipeLang.Checking;
using RecipeLang.Configuration;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;

namespace RecipeLang.Core.Tests.Configuration;

public class SiteConfigTests
{
    private const string Path = "/site/recipelang.json";

    private static SiteConfig Parse(string json)
    {
        var result = SiteConfig.Parse(json, Path);
        Assert.That(result.Errors, Is.Empty, string.Join("\n", result.Errors));
        Assert.That(result.Success, Is.True);
        return result.Config!;
    }

    private static ConfigError SingleError(string json)
    {
        var result = SiteConfig.Parse(json, Path);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Config, Is.Null);
        Assert.That(result.Errors, Has.Count.EqualTo(1), string.Join("\n", result.Errors));
        Assert.That(result.Errors[0].Path, Is.EqualTo(Path));
        return result.Errors[0];
    }

    [Test]
    public void Empty_object_gives_the_defaults()
    {
        var config = Parse("{}");
        var (equipment, defaults) = (config.Equipment, EquipmentProfile.Default);
        Assert.That((equipment.FurnaceMaxC, equipment.AutoclaveMaxC, equipment.AutoclaveRoutineMaxC, equipment.AutoclaveMaxBar),
            Is.EqualTo((defaults.FurnaceMaxC, defaults.AutoclaveMaxC, defaults.AutoclaveRoutineMaxC, defaults.AutoclaveMaxBar)));
        Assert.That(equipment.Gases, Is.EqualTo(defaults.Gases));
        Assert.That(config.Path, Is.EqualTo(Path));
        Assert.That(config.Rules, Is.Empty);
        Assert.That(config.Materials, Is.Empty);
    }

    [Test]
    public void Full_example_parses()
    {
        var config = Parse("""
            {
              // comments and trailing commas are allowed
              "$schema": "https://example.invalid/recipelang.schema.json",
              "equipment": {
                "furnaceMaxC": 1200,
                "autoclaveMaxC": 260,
                "autoclaveRoutineMaxC": 220,
                "autoclaveMaxBar": 50,
                "autoclaveFillRatio": { "min": 50, "max": 75 },
                "gases": ["O2", "N2"],
                "solidLiquidRatioGPerL": 20,
              },
              "materials": [
                { "name": "NCA", "composition": { "Li": 1, "Ni": 0.8, "Co": 0.15, "Al": 0.05, "O": 2 },
                  "annealWindowC": { "min": 700, "max": 780, "unit": "C", "source": "site lab notebook 12" },
                  "allowedAtmospheres": ["O2"], "preferredAtmosphere": "O2", "waterSensitive": true,
                  "source": "site lab notebook 12" }
              ],
              "reagents": [
                { "name": "lithium_acetate", "formula": "LiC2H3O2", "roles": ["lithium_source", "salt"],
                  "meltingPointC": { "value": 286, "source": "supplier data sheet" } }
              ],
              "coatings": [
                { "name": "LiNbO3", "kind": "inorganic", "survivesUpToC": 1000,
                  "usualAmount": { "min": 0.5, "max": 2, "unit": "wt%", "source": "site" }, "source": "site" }
              ],
              "rules": { "RL0010": "off", "rl3004": "Warning" },
              "exclude": ["drafts/**/*.recipe"]
            }
            """);
        Assert.That(config.Equipment.FurnaceMaxC, Is.EqualTo(1200));
        Assert.That(config.Equipment.AutoclaveMaxBar, Is.EqualTo(50));
        Assert.That(config.Equipment.AutoclaveFillRatio.Max, Is.EqualTo(75));
        Assert.That(config.Equipment.Gases, Is.EqualTo(new[] { "O2", "N2" }));
        Assert.That(config.Equipment.SolidLiquidRatioGPerL, Is.EqualTo(20));
        Assert.That(config.Equipment.Source, Does.Contain(Path));
        Assert.That(config.Materials.Single().IsNiRich, Is.True);
        Assert.That(config.Reagents.Single().LithiumBearing, Is.True);
        Assert.That(config.Coatings.Single().Kind, Is.EqualTo(CoatingKind.Inorganic));
        Assert.That(config.SeverityFor("RL0010", DiagnosticSeverity.Warning), Is.Null);
        Assert.That(config.SeverityFor("RL3004", DiagnosticSeverity.Info), Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(config.SeverityFor("RL0001", DiagnosticSeverity.Error), Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(config.Exclude, Is.EqualTo(new[] { "drafts/**/*.recipe" }));
    }

    [Test]
    public void Partial_equipment_keeps_other_defaults()
    {
        var config = Parse("""{ "equipment": { "furnaceMaxC": 1000 } }""");
        Assert.That(config.Equipment.FurnaceMaxC, Is.EqualTo(1000));
        Assert.That(config.Equipment.AutoclaveMaxC, Is.EqualTo(240));
    }

    [Test]
    public void Lowering_equipment_settings_are_read_and_absent_ones_stay_unset()
    {
        var config = Parse("""{ "equipment": { "gasFlowLPerMin": 2, "washMlPerGram": 5, "stirRpm": 400, "openBelowC": 40 } }""");
        Assert.That(config.Equipment.GasFlowLPerMin, Is.EqualTo(2));
        Assert.That(config.Equipment.WashMlPerGram, Is.EqualTo(5));
        Assert.That(config.Equipment.StirRpm, Is.EqualTo(400));
        Assert.That(config.Equipment.OpenBelowC, Is.EqualTo(40));
        Assert.That(Parse("{}").Equipment.GasFlowLPerMin, Is.Null);
        Assert.That(SingleError("""{ "equipment": { "stirRpm": -1 } }""").Message, Does.Contain("'stirRpm' must be a positive number"));
    }

    [Test]
    public void Rated_heater_powers_are_read_and_absent_ones_stay_unset()
    {
        var config = Parse("""{ "equipment": { "furnaceHeaterKw": 3, "autoclaveHeaterKw": 1.5, "dryerHeaterKw": 0.8, "mixerHeaterKw": 0.6 } }""");
        Assert.That(config.Equipment.FurnaceHeaterKw, Is.EqualTo(3));
        Assert.That(config.Equipment.AutoclaveHeaterKw, Is.EqualTo(1.5));
        Assert.That(config.Equipment.DryerHeaterKw, Is.EqualTo(0.8));
        Assert.That(config.Equipment.MixerHeaterKw, Is.EqualTo(0.6));
        Assert.That(Parse("{}").Equipment.FurnaceHeaterKw, Is.Null);
    }

    [TestCase("0", "a positive number")]
    [TestCase("-2.5", "a positive number")]
    [TestCase("\"3 kW\"", "a number")]
    public void A_heater_power_that_is_not_positive_is_an_error_at_its_value(string value, string expected)
    {
        var error = SingleError($"{{\n  \"equipment\": {{\n    \"dryerHeaterKw\": {value}\n  }}\n}}");
        Assert.That(error.Message, Is.EqualTo($"'dryerHeaterKw' must be {expected}."));
        Assert.That(error.ToString(), Does.StartWith($"{Path}:3:22: error:"));
    }

    [Test]
    public void Syntax_error_points_at_line_and_column()
    {
        var error = SingleError("{\n  \"equipment\": {\n    \"furnaceMaxC\": 1100,,\n  }\n}");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 25)));
        Assert.That(error.Message, Does.Not.Contain("BytePositionInLine"));
        Assert.That(error.ToString(), Does.StartWith($"{Path}:3:25: error:"));
    }

    [Test]
    public void Columns_count_characters_not_bytes()
    {
        var error = SingleError("{ \"rules\": { \"RL3004\": \"wärning\" } }");
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 24)));
        var syntax = SingleError("{ \"exclude\": [\"ü\" x] }");
        Assert.That((syntax.Line, syntax.Column), Is.EqualTo((1, 19)), "ü is one character but two bytes");
    }

    [Test]
    public void Unknown_severity_points_at_the_value_and_lists_the_choices()
    {
        var error = SingleError("{\n  \"rules\": {\n    \"RL3004\": \"loud\"\n  }\n}");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 15)));
        Assert.That(error.Message, Does.Contain("'loud'").And.Contain("off, hint, info, warning or error"));
    }

    [Test]
    public void Unknown_or_malformed_rule_code_points_at_the_key()
    {
        var unknown = SingleError("{ \"rules\": { \"RL9999\": \"off\" } }");
        Assert.That((unknown.Line, unknown.Column), Is.EqualTo((1, 14)));
        Assert.That(unknown.Message, Does.Contain("Unknown rule 'RL9999'"));

        var malformed = SingleError("{ \"rules\": { \"max-params\": \"off\" } }");
        Assert.That(malformed.Message, Does.Contain("not a rule code"));
    }

    [Test]
    public void A_syntax_error_code_cannot_be_configured_but_a_syntax_warning_can()
    {
        var error = SingleError("{ \"rules\": { \"RL0003\": \"off\" } }");
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 14)));
        Assert.That(error.Message, Does.Contain("RL0003 is a syntax error"));

        var warnings = Parser.Parse("then anneal 850C O2 4h\n").Diagnostics;
        Assert.That(warnings.Select(d => d.Code), Does.Contain("RL0010"), "the near miss: without the config RL0010 is reported");
        var configured = Checker.Configure(warnings, Parse("{ \"rules\": { \"RL0010\": \"off\" } }"));
        Assert.That(configured.Select(d => d.Code), Does.Not.Contain("RL0010"));
    }

    [Test]
    public void Unknown_top_level_key_points_at_the_key()
    {
        var error = SingleError("{\n  \"equipmnet\": {}\n}");
        Assert.That((error.Line, error.Column), Is.EqualTo((2, 3)));
        Assert.That(error.Message, Does.Contain("'equipmnet'").And.Contain("equipment"));
    }

    [Test]
    public void Unknown_equipment_key_points_at_the_key_and_lists_the_keys()
    {
        var error = SingleError("""{ "equipment": { "furnaceMax": 1100 } }""");
        Assert.That(error.Column, Is.EqualTo(18));
        Assert.That(error.Message, Does.StartWith("Unknown property 'furnaceMax'; expected furnaceMaxC, autoclaveMaxC"));
    }

    [Test]
    public void Bad_equipment_values_are_all_reported_each_at_its_value()
    {
        var result = SiteConfig.Parse("""
            { "equipment": { "autoclaveMaxC": -5, "gases": ["O2", "helium", "vacuum"] } }
            """, Path);
        Assert.That(result.Errors.Select(e => (e.Column, e.Message)), Is.EqualTo(new[]
        {
            (35, "'autoclaveMaxC' must be a positive number."),
            (55, "Unknown gas 'helium'; expected O2, air, N2 or Ar."),
            (65, "Unknown gas 'vacuum'; expected O2, air, N2 or Ar."),
        }));
    }

    [Test]
    public void Routine_limit_above_maximum_is_an_error()
    {
        var error = SingleError("""{ "equipment": { "autoclaveRoutineMaxC": 250 } }""");
        Assert.That(error.Message, Does.Contain("autoclaveRoutineMaxC").And.Contain("above autoclaveMaxC"));
        Assert.That(error.Column, Is.EqualTo(18));
    }

    [Test]
    public void Unknown_property_in_a_material_is_reported_without_type_names()
    {
        var error = SingleError("""
            { "materials": [ { "name": "X", "colour": "blue" } ] }
            """);
        Assert.That(error.Message, Does.Contain("'colour'").And.Not.Contain("MaterialJson"));
    }

    [Test]
    public void Missing_required_material_properties_are_named()
    {
        var error = SingleError("""{ "materials": [ { "name": "X" } ] }""");
        Assert.That(error.Message, Does.Contain("composition").And.Not.Contain("RecipeLang."));
    }

    [Test]
    public void Wrong_value_type_is_explained()
    {
        var error = SingleError("""{ "coatings": [ { "name": "X", "kind": "polymer", "survivesUpToC": "hot", "source": "s" } ] }""");
        Assert.That(error.Message, Does.Contain("'survivesUpToC' must be a number").And.Not.Contain("RecipeLang."));
    }

    [Test]
    public void Unknown_enum_name_is_explained()
    {
        var error = SingleError("""{ "coatings": [ { "name": "X", "kind": "ceramic", "survivesUpToC": 900, "source": "s" } ] }""");
        Assert.That(error.Message, Does.Contain("'kind'").And.Not.Contain("RecipeLang."));
    }

    [Test]
    public void Reagent_with_bad_formula_points_at_the_entry()
    {
        var error = SingleError("{\n  \"reagents\": [\n    { \"name\": \"odd\", \"formula\": \"LiXx\", \"roles\": [\"salt\"] }\n  ]\n}");
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 5)));
        Assert.That(error.Message, Does.Contain("'Xx'"));
    }

    [Test]
    public void Reagent_with_unknown_role_is_an_error() =>
        Assert.That(SingleError("""{ "reagents": [ { "name": "odd", "formula": "LiF", "roles": ["magic"] } ] }""").Message,
            Does.Contain("unknown role 'magic'"));

    [Test]
    public void Material_with_unknown_atmosphere_is_an_error() =>
        Assert.That(SingleError("""
            { "materials": [ { "name": "X", "composition": { "Li": 1, "Co": 1, "O": 2 },
              "annealWindowC": { "min": 800, "max": 900, "unit": "C", "source": "s" },
              "allowedAtmospheres": ["plasma"], "source": "s" } ] }
            """).Message, Does.Contain("'plasma'"));

    [TestCase("[\"Co\"]", "0.3", "two or more metals")]
    [TestCase("[\"Co\", \"Mn\"]", "0", "two or more metals and a total above 0")]
    [TestCase("[\"Co\", \"O\"]", "0.3", "'O' in 'unsplit' must be a metal")]
    [TestCase("[\"Ni\", \"Mn\"]", "0.3", "'Ni' in 'unsplit' must be a metal the composition does not list")]
    [TestCase("[\"Co\", \"Xx\"]", "0.3", "'Xx'")]
    public void Material_with_a_bad_unsplit_is_an_error(string elements, string total, string expected) =>
        Assert.That(SingleError($$"""
            { "materials": [ { "name": "X", "composition": { "Li": 1, "Ni": 0.7, "O": 2 },
              "unsplit": { "elements": {{elements}}, "total": {{total}} },
              "annealWindowC": { "min": 800, "max": 900, "unit": "C", "source": "s" },
              "allowedAtmospheres": ["O2"], "source": "s" } ] }
            """).Message, Does.Contain(expected));

    [TestCase("", "no JSON value")]
    [TestCase("[]", "must be a JSON object")]
    [TestCase("{} {}", "Only one JSON object")]
    [TestCase("{ \"equipment\": { ", "ends before the object is closed")]
    [TestCase("// only a comment", "no JSON value")]
    [TestCase("{ \"exclude\": [\"\"] }", "non-empty glob")]
    [TestCase("{ \"rules\": [] }", "'rules' must be an object")]
    [TestCase("{ \"materials\": {} }", "'materials' must be an array")]
    public void Malformed_documents_get_one_clear_error(string json, string expected) =>
        Assert.That(SingleError(json).Message, Does.Contain(expected));

    [Test]
    public void Catalog_with_site_config_adds_and_replaces_entries()
    {
        var config = Parse("""
            {
              "equipment": { "furnaceMaxC": 900 },
              "reagents": [ { "name": "LiOH", "formula": "LiOH", "roles": ["lithium_source"], "notes": "site stock" } ]
            }
            """);
        var catalog = config.Catalog;
        Assert.That(catalog, Is.Not.SameAs(RecipeCatalog.Default));
        Assert.That(catalog.Equipment.FurnaceMaxC, Is.EqualTo(900));
        Assert.That(catalog.FindReagent("LiOH")!.Notes, Is.EqualTo("site stock"));
        Assert.That(catalog.FindReagent("LiOH*H2O"), Is.Not.Null);
        Assert.That(config.Catalog, Is.SameAs(catalog), "one extended catalog per config");
        Assert.That(RecipeCatalog.Default.FindReagent("LiOH")!.Notes, Is.Not.EqualTo("site stock"));
        Assert.That(RecipeCatalog.Default.Equipment.FurnaceMaxC, Is.EqualTo(1100));
    }

    [Test]
    public void Load_reads_through_the_file_system_and_reports_missing_files()
    {
        var fs = new MockFileSystem(new Dictionary<string, MockFileData>
        {
            [Path] = new("""{ "equipment": { "autoclaveMaxBar": 25 } }"""),
        });
        Assert.That(SiteConfig.Load(fs, Path).Config!.Equipment.AutoclaveMaxBar, Is.EqualTo(25));

        var missing = SiteConfig.Load(fs, "/nowhere/recipelang.json");
        Assert.That(missing.Success, Is.False);
        Assert.That((missing.Errors[0].Line, missing.Errors[0].Column), Is.EqualTo((1, 1)));
        Assert.That(missing.Errors[0].Message, Does.StartWith("Cannot read the config file"));
    }

    [Test]
    public void Default_has_default_equipment_and_no_overrides()
    {
        Assert.That(SiteConfig.Default.Equipment, Is.SameAs(EquipmentProfile.Default));
        Assert.That(SiteConfig.Default.Path, Is.Null);
        Assert.That(SiteConfig.Default.SeverityFor("RL0003", DiagnosticSeverity.Error), Is.EqualTo(DiagnosticSeverity.Error));
    }
}
