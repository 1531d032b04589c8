using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Compiler.Lowering;

namespace RecipeLang.Compiler.Output;

/// <summary>A solid weighed into a vessel.</summary>
public sealed record SolidLine(string Reagent, double Grams);

/// <summary>
/// A solution made up for a step: its volume, and the grams of solute for the concentration, anhydrous and,
/// when the catalog has it, as the hydrate that is usually weighed (LiOH·H2O for LiOH).
/// </summary>
public sealed record SolutionLine(string Reagent, double Molar, double Litres, double? AnhydrousGrams, double? MolarMass, string? HydrateName, double? HydrateGrams, double? HydrateMolarMass);

public sealed record LiquidLine(string Liquid, double Litres);

/// <summary>Gas for a furnace programme: flow times the ramp (from ambient) and hold.</summary>
public sealed record GasLine(string Gas, double Litres);

/// <summary>What one batch of a recipe consumes, from its lowered steps (the same ones the C# plan runs); the energy from the site's rated heater powers.</summary>
public sealed record BillOfMaterials(
    string Recipe,
    double BatchGrams,
    ImmutableArray<SolidLine> Solids,
    ImmutableArray<SolutionLine> Solutions,
    ImmutableArray<LiquidLine> Liquids,
    ImmutableArray<GasLine> Gases,
    EnergyEstimate Energy,
    ImmutableArray<string> Assumptions)
{
    private const double AmbientC = 25;

    public static BillOfMaterials Create(LoweredRecipe recipe, RecipeCatalog catalog)
    {
        var solids = new List<SolidLine>();
        var solutions = new List<SolutionLine>();
        var liquids = new List<LiquidLine>();
        var gases = new List<GasLine>();
        foreach (var step in recipe.Steps)
        {
            string? gas = null;
            double flow = 0, minutes = 0, temperature = AmbientC;
            foreach (var verb in step.Verbs)
            {
                var a = verb.Arguments;
                switch (verb.Kind)
                {
                    case VerbKind.Charge:
                        solids.Add(new SolidLine(a[0].Text!, a[1].Number));
                        break;
                    case VerbKind.ChargeSolution:
                        solutions.Add(Solution(catalog, a[0].Text!, a[1].Number, a[2].Number / 1000));
                        break;
                    case VerbKind.Wash:
                        liquids.Add(new LiquidLine(a[0].Text!, a[1].Number / 1000 * a[2].Number));
                        break;
                    case VerbKind.SetAtmosphere:
                        (gas, flow) = (a[0].Text, a[1].Number);
                        break;
                    case VerbKind.Ramp:
                        minutes += Math.Abs(a[0].Number - temperature) / a[1].Number;
                        temperature = a[0].Number;
                        break;
                    case VerbKind.Hold:
                        minutes += a[0].Number / 60;
                        break;
                }
            }
            if (gas is not null && !string.Equals(gas, "air", StringComparison.OrdinalIgnoreCase))
            {
                gases.Add(new GasLine(gas, flow * minutes));
            }
        }
        return new BillOfMaterials(
            recipe.Name,
            recipe.BatchGrams ?? LoweringDefaults.BatchGrams,
            [.. solids.GroupBy(s => s.Reagent).Select(g => new SolidLine(g.Key, g.Sum(s => s.Grams)))],
            [.. solutions],
            [.. liquids.GroupBy(l => l.Liquid).Select(g => new LiquidLine(g.Key, g.Sum(l => l.Litres)))],
            [.. gases.GroupBy(g => g.Gas).Select(g => new GasLine(g.Key, g.Sum(x => x.Litres)))],
            EnergyEstimate.Create(recipe, catalog.Equipment),
            recipe.Assumptions);
    }

    private static SolutionLine Solution(RecipeCatalog catalog, string reagent, double molar, double litres)
    {
        var formula = MolarMassOf(catalog, reagent);
        var hydrate = catalog.Reagents.Values.FirstOrDefault(r => r.Name.StartsWith(reagent + Formula.HydrateDot, StringComparison.Ordinal));
        var hydrateFormula = hydrate is null ? null : MolarMassOf(catalog, hydrate.Name);
        var moles = molar * litres;
        return new SolutionLine(reagent, molar, litres, moles * formula, formula, hydrate?.Name, moles * hydrateFormula, hydrateFormula);
    }

    private static double? MolarMassOf(RecipeCatalog catalog, string reagent)
    {
        var text = catalog.FindReagent(reagent)?.Formula ?? reagent;
        return Formula.TryParse(text, out var formula, out _) ? formula!.MolarMass : null;
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Bill of materials: {Recipe}, batch {BatchGrams:0.###} g"));
        foreach (var s in Solids)
        {
            text.AppendLine(Invariant($"  solid     {s.Reagent,-22} {s.Grams,10:0.###} g"));
        }
        foreach (var s in Solutions)
        {
            text.AppendLine(Invariant($"  solution  {s.Reagent,-22} {s.Litres,10:0.###} L at {s.Molar:0.###} M = {s.Molar * s.Litres:0.####} mol"));
            if (s.AnhydrousGrams is { } grams)
            {
                text.AppendLine(Invariant($"            {s.Reagent,-22} {grams,10:0.##} g ({s.Molar:0.###} mol/L × {s.Litres:0.###} L × {s.MolarMass:0.##} g/mol)"));
            }
            if (s.HydrateGrams is { } hydrateGrams)
            {
                text.AppendLine(Invariant($"         or {s.HydrateName,-22} {hydrateGrams,10:0.##} g ({s.Molar:0.###} mol/L × {s.Litres:0.###} L × {s.HydrateMolarMass:0.##} g/mol)"));
            }
        }
        foreach (var l in Liquids)
        {
            text.AppendLine(Invariant($"  liquid    {l.Liquid,-22} {l.Litres,10:0.###} L"));
        }
        foreach (var g in Gases)
        {
            text.AppendLine(Invariant($"  gas       {g.Gas,-22} {g.Litres,10:0.#} L (flow × ramp and hold time)"));
        }
        Energy.AppendTo(text);
        foreach (var a in Assumptions)
        {
            text.AppendLine($"  assumed: {a}");
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
