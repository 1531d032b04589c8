using RecipeLang.Catalog;
using RecipeLang.Configuration;

namespace RecipeLang.Core.Tests.Configuration;

public class EquipmentUnitTests
{
    private const string Units = """
        {
          "equipment": { "furnaceMaxC": 1100 },
          "units": [
            { "id": "furnace-1", "class": "furnace", "controller": "mqtt://plc-1:1883" },
            { "id": "furnace-2", "class": "furnace", "maxC": 800, "gases": ["air", "N2"] },
            { "id": "autoclave-1", "class": "autoclave", "maxC": 220, "maxBar": 25 }
          ]
        }
        """;

    [Test]
    public void Units_are_listed_in_file_order_with_their_limits_and_controller()
    {
        var result = SiteConfig.Parse(Units, "recipelang.json");

        Assert.That(result.Errors, Is.Empty);
        var units = result.Config!.Units;
        Assert.That(units.Select(u => u.Id), Is.EqualTo(new[] { "furnace-1", "furnace-2", "autoclave-1" }));
        Assert.That(units[0].Controller, Is.EqualTo("mqtt://plc-1:1883"));
        Assert.That((units[1].MaxC, units[1].Gases), Is.EqualTo(((double?)800, (IReadOnlyList<string>?)new List<string> { "air", "N2" })).Using<(double?, IReadOnlyList<string>?)>((a, b) => a.Item1 == b.Item1 && a.Item2!.SequenceEqual(b.Item2!)));
        Assert.That((units[1].Line, units[1].Column), Is.EqualTo((5, 5)));
    }

    [Test]
    public void A_unit_applies_its_own_limits_over_the_site_profile_for_its_class_only()
    {
        var units = SiteConfig.Parse(Units, "recipelang.json").Config!.Units;

        var furnace2 = units[1].Apply(EquipmentProfile.Default);
        var autoclave = units[2].Apply(EquipmentProfile.Default);

        Assert.That((furnace2.FurnaceMaxC, furnace2.AutoclaveMaxC), Is.EqualTo((800.0, 240.0)));
        Assert.That(furnace2.Gases, Is.EqualTo(new[] { "air", "N2" }));
        Assert.That((autoclave.FurnaceMaxC, autoclave.AutoclaveMaxC, autoclave.AutoclaveMaxBar), Is.EqualTo((1100.0, 220.0, 25.0)));
        Assert.That(units[0].Apply(EquipmentProfile.Default), Is.EqualTo(EquipmentProfile.Default with { FurnaceUnit = "furnace-1" }), "no limits of its own");
    }

    [Test]
    public void A_site_bound_to_units_is_checked_by_the_same_rules_with_messages_naming_the_units()
    {
        var site = SiteConfig.Parse(Units, "/plant/recipelang.json").Config!;
        var bound = site.WithEquipment(site.Units[2].Apply(site.Units[1].Apply(site.Equipment)));
        var workspace = new RecipeLang.Workspace.RecipeWorkspace(new System.IO.Abstractions.TestingHelpers.MockFileSystem(), bound);

        var analysis = workspace.Analyze(new RecipeLang.Text.SourceText(
            "recipe r for NCM523 {\n  hydrothermal 4M LiOH 230C 3h\n  then anneal 850C O2 4h\n}\n", "/plant/r.recipe"));

        Assert.That(analysis.Diagnostics.Where(d => d.Severity == RecipeLang.Diagnostics.DiagnosticSeverity.Error).Select(d => (d.Code, d.Message.Split(';')[0])), Is.EquivalentTo(new[]
        {
            ("RL3003", "230 °C is above the autoclave's maximum temperature"),
            ("RL3011", "850 °C is above furnace unit furnace-2's maximum of 800 °C"),
            ("RL3012", "No O2 supply at furnace unit furnace-2 (available: air, N2)"),
        }));
        Assert.That(analysis.Diagnostics.Single(d => d.Code == "RL3003").Message, Does.Contain("autoclave unit autoclave-1 allows at most 220 °C"));
    }

    [TestCase("""{ "units": [ { "id": "kiln-1", "class": "kiln" } ] }""", 1, 41, "Unknown unit class 'kiln'; expected furnace, autoclave, cell, mixer or dryer.")]
    [TestCase("""{ "units": [ { "id": "furnace/1", "class": "furnace" } ] }""", 1, 22, "Unit id 'furnace/1' must be letters, digits, '-' or '_' (it is an MQTT topic level).")]
    [TestCase("""{ "units": [ { "class": "furnace" } ] }""", 1, 14, "Missing required property: id.")]
    [TestCase("""{ "units": [ { "id": "f", "class": "furnace", "maxC": -5 } ] }""", 1, 55, "'maxC' must be a positive number.")]
    [TestCase("""{ "units": [ { "id": "f", "class": "furnace", "power": 5 } ] }""", 1, 47, "Unknown property 'power'; expected id, class, maxC, maxBar, gases or controller.")]
    public void A_bad_unit_is_an_error_at_its_token(string json, int line, int column, string message)
    {
        var result = SiteConfig.Parse(json, "recipelang.json");

        Assert.That(result.Config, Is.Null);
        Assert.That(result.Errors.Select(e => (e.Line, e.Column, e.Message)), Has.Member((line, column, message)));
    }

    [Test]
    public void A_unit_listed_twice_is_an_error()
    {
        var result = SiteConfig.Parse("""{ "units": [ { "id": "f", "class": "furnace" }, { "id": "f", "class": "furnace" } ] }""", "recipelang.json");

        Assert.That(result.Errors.Select(e => e.Message), Has.Member("Unit 'f' is listed twice."));
    }
}
