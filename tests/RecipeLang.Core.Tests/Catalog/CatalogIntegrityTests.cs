using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Units;
using Range = RecipeLang.Catalog.Range;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>The data files are consistent: every number sourced, every reference resolvable.</summary>
public class CatalogIntegrityTests
{
    private static RecipeCatalog Catalog => RecipeCatalog.Default;

    private static IEnumerable<(string Where, Range Range)> AllRanges()
    {
        foreach (var m in Catalog.Materials.Values)
            yield return ($"material {m.Name}", m.AnnealWindowC);
        foreach (var c in Catalog.Coatings.Values.Where(c => c.UsualAmount is not null))
            yield return ($"coating {c.Name}", c.UsualAmount!);
        foreach (var d in Catalog.Dopants.Values)
            yield return ($"dopant {d.Element}", d.UsualMolPercent);
        foreach (var e in Catalog.Eutectics)
        {
            if (e.MeltingPointC is not null)
                yield return ($"eutectic {e.Key}", e.MeltingPointC);
            if (e.ReportedWorkingC is not null)
                yield return ($"eutectic {e.Key}", e.ReportedWorkingC);
        }
        foreach (var o in Catalog.Operations.Values)
        {
            foreach (var p in o.Parameters)
            {
                if (p.Typical is not null)
                    yield return ($"{o.Name}.{p.Name} typical", p.Typical);
                if (p.Hard is not null)
                    yield return ($"{o.Name}.{p.Name} hard", p.Hard);
            }
        }
        foreach (var d in Catalog.Defects.Values)
        {
            foreach (var p in d.Parameters)
                yield return ($"defect {d.Name}.{p.Name}", p.Valid);
        }
        var limits = Catalog.Limits;
        yield return ("limits Li/TM", limits.LithiumToMetalTarget);
        yield return ("limits active", limits.ElectrodeActiveWtPercent);
        yield return ("limits conductive", limits.ElectrodeConductiveWtPercent);
        yield return ("limits binder", limits.ElectrodeBinderWtPercent);
        yield return ("equipment fill", Catalog.Equipment.AutoclaveFillRatio);
    }

    [Test]
    public void Every_range_has_a_source_a_known_unit_and_min_not_above_max()
    {
        var ranges = AllRanges().ToList();
        Assert.That(ranges, Has.Count.GreaterThan(30));
        foreach (var (where, range) in ranges)
        {
            Assert.That(range.Source, Is.Not.Empty, where);
            Assert.That(range.Min, Is.LessThanOrEqualTo(range.Max), where);
            Assert.That(range.Unit.Length == 0 || UnitTable.TryLookup(range.Unit, out _), Is.True, $"{where}: unit {range.Unit}");
        }
    }

    [Test]
    public void Every_limit_has_a_source_and_a_known_unit()
    {
        var limits = typeof(ProcessLimits).GetProperties()
            .Where(p => p.PropertyType == typeof(Limit))
            .Select(p => (p.Name, Limit: (Limit)p.GetValue(Catalog.Limits)!))
            .ToList();
        Assert.That(limits, Has.Count.GreaterThanOrEqualTo(6));
        foreach (var (name, limit) in limits)
        {
            Assert.That(limit.Source, Is.Not.Empty, name);
            Assert.That(limit.Unit.Length == 0 || UnitTable.TryLookup(limit.Unit, out _), Is.True, name);
        }
    }

    [Test]
    public void Every_operation_default_has_a_source_and_a_known_unit_and_a_typical_value_inside_its_window()
    {
        var defaults = Catalog.Operations.Values.SelectMany(o => o.Defaults.Select(d => (Where: $"{o.Name}.{d.Key}", Operation: o, Name: d.Key, Default: d.Value))).ToList();
        Assert.That(defaults, Has.Count.GreaterThanOrEqualTo(Catalog.Operations.Count));
        foreach (var (where, operation, name, value) in defaults)
        {
            Assert.That(value.Source, Is.Not.Empty, where);
            Assert.That(value.Unit.Length == 0 || UnitTable.TryLookup(value.Unit, out _), Is.True, $"{where}: unit {value.Unit}");
            // A default of a parameter the checker warns about must not itself draw the warning.
            if (operation.FindParameter(name)?.Typical is { } typical && value.ToQuantity() is { } quantity)
                Assert.That(typical.Contains(quantity), Is.True, $"{where}: {value.Format()} outside {typical.Format()}");
        }
        foreach (var (operation, (parameter, reagent)) in Catalog.Operations.Values.SelectMany(o => o.DefaultReagents.Select(r => (o, (r.Key, r.Value)))))
        {
            Assert.That(operation.FindParameter(parameter)?.Kind, Is.EqualTo(ParameterKind.Reagent), $"{operation.Name}.{parameter}");
            Assert.That(Catalog.Reagents.ContainsKey(reagent.Name), Is.True, $"{operation.Name}.{parameter}: {reagent.Name}");
            Assert.That(reagent.Source, Is.Not.Empty, $"{operation.Name}.{parameter}");
        }
        foreach (var o in Catalog.Operations.Values.Where(o => o.DefaultAtmosphere is not null))
        {
            Assert.That(Catalog.Atmospheres.ContainsKey(o.DefaultAtmosphere!.Name), Is.True, o.Name);
            Assert.That(o.DefaultAtmosphere.Source, Is.Not.Empty, o.Name);
        }
    }

    [Test]
    public void Default_hold_times_come_from_the_literature_where_it_gives_one()
    {
        Assert.That(Catalog.FindOperation("molten_salt")!.FindDefault("time"), Is.EqualTo(new OperationDefault(4, "h", Catalog.FindOperation("molten_salt")!.FindDefault("time")!.Source)));
        Assert.That(Catalog.FindOperation("molten_salt")!.FindDefault("time")!.Source, Does.StartWith("review Table 1 rows 4–6"));
        Assert.That(Catalog.FindOperation("etch")!.FindDefault("time")!.ToQuantity()!.Value.Format(), Is.EqualTo("30min"));
        Assert.That(Catalog.FindOperation("pyrolyze")!.DefaultAtmosphere!.Name, Is.EqualTo("air"));
        Assert.That(Catalog.FindOperation("dry")!.FindDefault("time")!.Source, Does.StartWith("12 h drying"));
    }

    [Test]
    public void Every_reagent_number_has_a_source_and_every_formula_parses()
    {
        foreach (var r in Catalog.Reagents.Values)
        {
            Assert.That(Formula.TryParse(r.Formula, out var formula, out var error), Is.True, $"{r.Name}: {error}");
            Assert.That(r.LithiumBearing, Is.EqualTo(formula!.Contains("Li")), r.Name);
            Assert.That(r.SolubilityM is null || !string.IsNullOrWhiteSpace(r.SolubilitySource), Is.True, r.Name);
            Assert.That(r.MeltingPointC is null || !string.IsNullOrWhiteSpace(r.MeltingPointSource), Is.True, r.Name);
            Assert.That(r.DecompositionC is null || !string.IsNullOrWhiteSpace(r.DecompositionSource), Is.True, r.Name);
            Assert.That(r.Roles, Is.Not.Empty.And.SubsetOf(ReagentRoles.All), r.Name);
        }
    }

    [Test]
    public void Every_sourced_record_names_its_source()
    {
        Assert.That(Catalog.Materials.Values.Select(m => m.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Coatings.Values.Select(c => c.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Dopants.Values.Select(d => d.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Eutectics.Select(e => e.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Binders.Values.Select(b => b.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Conductives.Values.Select(c => c.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Defects.Values.Select(d => d.Source), Is.All.Not.Empty);
        Assert.That(Catalog.Equipment.Source, Does.Contain("site default"));
    }

    [Test]
    public void Every_material_fills_one_metal_site_and_names_known_atmospheres()
    {
        foreach (var m in Catalog.Materials.Values)
        {
            var metals = m.Composition.Where(e => e.Key is not ("Li" or "O")).Sum(e => e.Value) + (m.Unsplit?.Total ?? 0);
            Assert.That(metals, Is.EqualTo(1.0).Within(0.001), m.Name);
            Assert.That(m.Composition.Keys.All(s => Elements.TryGet(s, out _)), Is.True, m.Name);
            Assert.That(m.AllowedAtmospheres.All(a => Catalog.FindAtmosphere(a) is not null), Is.True, m.Name);
            if (m.PreferredAtmosphere is not null)
                Assert.That(m.AllowedAtmospheres, Does.Contain(m.PreferredAtmosphere), m.Name);
        }
    }

    [Test]
    public void Every_repair_names_a_known_defect_and_every_defect_has_a_repair()
    {
        var repaired = new HashSet<string>();
        foreach (var o in Catalog.Operations.Values)
        {
            foreach (var repair in o.Repairs)
            {
                Assert.That(Catalog.FindDefect(repair.Defect), Is.Not.Null, $"{o.Name} repairs {repair.Defect}");
                repaired.Add(repair.Defect);
            }
        }
        Assert.That(repaired, Is.EquivalentTo(Catalog.Defects.Keys));
    }

    [Test]
    public void Every_operation_has_a_known_category_and_well_formed_parameters()
    {
        foreach (var o in Catalog.Operations.Values)
        {
            Assert.That(OperationCategories.All, Does.Contain(o.Category), o.Name);
            Assert.That(o.Summary, Is.Not.Empty, o.Name);
            Assert.That(o.Parameters.Select(p => p.Name), Is.Unique, o.Name);
            foreach (var p in o.Parameters)
            {
                var where = $"{o.Name}.{p.Name}";
                Assert.That(p.Doc, Is.Not.Empty, where);
                if (p.Kind == ParameterKind.Quantity)
                    Assert.That(p.Dimension, Is.Not.Null, where);
                if (p.Kind == ParameterKind.Choice)
                    Assert.That(p.Choices, Is.Not.Null.And.Not.Empty, where);
                if (p.RequiredGroup is not null)
                    Assert.That(p.Required, Is.False, where);
                foreach (var range in new[] { p.Typical, p.Hard }.OfType<Range>())
                {
                    Assert.That(p.Dimension, Is.Not.Null, where);
                    Assert.That(UnitTable.TryLookup(range.Unit, p.Dimension!.Value, out var unit), Is.True, where);
                    Assert.That(unit.Dimension, Is.EqualTo(p.Dimension), $"{where}: range unit {range.Unit}");
                }
            }
        }
    }

    [Test]
    public void Positional_parameters_of_an_operation_bind_unambiguously()
    {
        // Two positional parameters of the same kind and dimension could not be told apart.
        foreach (var o in Catalog.Operations.Values)
        {
            var positional = o.Parameters.Where(p => !p.Keyword && p.Kind != ParameterKind.Flag);
            Assert.That(positional.Select(p => (p.Kind, p.Dimension)), Is.Unique, o.Name);
        }
    }

    [Test]
    public void Every_eutectic_component_is_a_catalogued_reagent()
    {
        foreach (var e in Catalog.Eutectics)
        {
            Assert.That(e.MeltingPointC is not null || e.ReportedWorkingC is not null, Is.True, e.Key);
            foreach (var component in e.Components)
                Assert.That(Catalog.FindReagent(component), Is.Not.Null, $"{e.Key}: {component}");
        }
    }

    [Test]
    public void Dopants_are_elements()
    {
        Assert.That(Catalog.Dopants.Keys.All(s => Elements.TryGet(s, out _)), Is.True);
    }
}
