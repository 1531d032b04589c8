using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Catalog;

/// <summary>
/// Every limit the catalog holds, read from the catalog itself: a recipe just inside it checks without the limit's
/// code on the value, a recipe just outside it reports that code there. A limit no rule reads fails here, and a
/// limit added to the catalog is probed without anyone writing a case for it (except limits.json entries, which
/// need a probe below: a test fails until one is written).
/// </summary>
public class CatalogLimitPairsTests
{
    private static RecipeCatalog Catalog => RecipeCatalog.Default;

    /// <summary>A probe: the recipe text with the value marked by «», and the code expected when it is outside.</summary>
    public sealed record Pair(string Limit, string Inside, string Outside, string Code)
    {
        public override string ToString() => Limit;
    }

    // A clean step per operation, each slot written out so a probe can replace one; the catalog's defaults and
    // Table 1 supply the values.
    private static readonly Dictionary<string, string[]> Steps = new()
    {
        ["hydrothermal"] = ["hydrothermal", "concentration=2M", "reagents=LiOH", "temperature=180C", "time=3h"],
        ["molten_salt"] = ["molten_salt", "salts=LiOH-LiNO3-LiC7H5O2", "temperature=300C", "time=4h"],
        ["electrochemical"] = ["electrochemical", "electrolyte=Li2SO4", "concentration=1M", "current=10mA/g", "cutoff=cutoff -0.8V", "c_rate=", "time=6h"],
        ["solid_state"] = ["mix", "reagent=Li2CO3", "excess=excess 5%", "amount="],
        ["anneal"] = ["anneal", "temperature=850C", "atmosphere=O2", "time=4h", "ramp=ramp 5C/min"],
        ["dope"] = ["dope", "dopants=Al 1mol%"],
        ["etch"] = ["etch", "acid=citric_acid", "concentration=0.1M", "time=30min"],
        ["coat"] = ["coat", "coating=PVDF", "amount=1wt%"],
        ["wash"] = ["wash", "liquid=water", "repeats=x3"],
        ["dry"] = ["dry", "temperature=80C", "time=12h"],
        ["pyrolyze"] = ["pyrolyze", "temperature=500C", "time=2h", "atmosphere=air"],
        ["separate"] = ["separate", "solvent=NMP", "temperature=80C", "time=1h"],
        ["grind"] = ["grind", "time=30min"],
        ["electrode"] = ["electrode", "binder=binder PVDF", "conductive=conductive carbon_black", "ratio=ratio 92:4:4"],
    };

    private static string Step(string operation, string? parameter = null, string? value = null)
    {
        var parts = Steps[operation];
        var keyword = parameter is not null && Catalog.Operations[operation].FindParameter(parameter) is { Keyword: true };
        return string.Join(" ", parts.Skip(1).Select(p => p.Split('=', 2)).Select(p => p[0] == parameter ? $"«{(keyword ? parameter + " " : "")}{value}»" : p[1])
            .Prepend(parts[0]).Where(p => p.Length > 0));
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Inside: the middle of the range; outside: beyond its upper end by a tenth of its width (or of its end).</summary>
    private static (string Inside, string Outside) Values(RecipeLang.Catalog.Range range, string unit)
    {
        var margin = Math.Max((range.Max - range.Min) / 10, Math.Abs(range.Max) / 10 + 0.01);
        return ($"{Number((range.Min + range.Max) / 2)}{unit}", $"{Number(range.Max + margin)}{unit}");
    }

    private static string Recipe(string material, params string[] steps) => $"recipe probe for {material} {{\n  {string.Join("\n  then ", steps)}\n}}\n";

    public static IEnumerable<Pair> Pairs()
    {
        foreach (var operation in Catalog.Operations.Values)
        {
            Assert.That(Steps, Does.ContainKey(operation.Name), $"write a clean step for the new operation {operation.Name}");
            foreach (var parameter in operation.Parameters.Where(p => p.Kind == ParameterKind.Quantity))
            {
                foreach (var (range, code) in new[] { (parameter.Typical, "RL3010"), (parameter.Hard, "RL3014"), (parameter.Beyond, "RL3010") })
                {
                    if (range is null)
                        continue;
                    var (inside, outside) = Values(range, range.Unit);
                    var (insideRange, expected) = range == parameter.Beyond ? (parameter.Typical ?? range, code) : (range, code);
                    inside = Values(insideRange, insideRange.Unit).Inside;
                    // A coating's amount outside the studied window is the coating rule's (RL3018); a solid lithium source needs its sinter.
                    expected = range != parameter.Hard && operation.Category == OperationCategories.Coating ? "RL3018" : expected;
                    string[] after = operation.Category == OperationCategories.Mixing ? ["anneal 850C O2 4h"] : [];
                    yield return new Pair($"{operation.Name}.{parameter.Name} {range.Format()}",
                        Recipe("NCM523", [Step(operation.Name, parameter.Name, inside), .. after]), Recipe("NCM523", [Step(operation.Name, parameter.Name, outside), .. after]), expected);
                }
            }
        }
        foreach (var material in Catalog.Materials.Values)
        {
            var window = material.AnnealWindowC;
            var atmosphere = material.PreferredAtmosphere ?? material.AllowedAtmospheres[0];
            yield return new Pair($"{material.Name} anneal window {window.Format()}",
                Recipe(material.Name, $"anneal «{Number((window.Min + window.Max) / 2)}C» {atmosphere} 4h"), Recipe(material.Name, $"anneal «{Number(window.Max + 20)}C» {atmosphere} 4h"), "RL3001");
            foreach (var other in Catalog.Atmospheres.Values.Where(a => !material.AllowedAtmospheres.Contains(a.Name, StringComparer.OrdinalIgnoreCase)))
            {
                yield return new Pair($"{material.Name} anneal in {other.Name}",
                    Recipe(material.Name, $"anneal {Number(window.Min + 10)}C «{atmosphere}» 4h"), Recipe(material.Name, $"anneal {Number(window.Min + 10)}C «{other.Name}» 4h"), "RL3002");
            }
        }
        foreach (var reagent in Catalog.Reagents.Values)
        {
            if (reagent.SolubilityM is { } solubility)
                yield return new Pair($"{reagent.Name} solubility {solubility} M",
                    Recipe("NCM523", $"hydrothermal «{Number(solubility * 0.9)}M» {reagent.Name} 120C 3h"), Recipe("NCM523", $"hydrothermal «{Number(solubility * 1.2)}M» {reagent.Name} 120C 3h"), "RL3005");
            if (reagent.MeltingPointC is { } melting)
                yield return new Pair($"{reagent.Name} melting point {melting} °C",
                    Recipe("NCM523", $"molten_salt {reagent.Name} «{Number(melting + 10)}C» 4h"), Recipe("NCM523", $"molten_salt {reagent.Name} «{Number(melting - 10)}C» 4h"), "RL3006");
            if (reagent.DecompositionC is { } decomposition && reagent.MeltingPointC is { } solid && solid < decomposition)
                yield return new Pair($"{reagent.Name} decomposition {decomposition} °C",
                    Recipe("NCM523", $"molten_salt {reagent.Name} «{Number(Math.Max(solid + 5, decomposition - 5))}C» 4h"), Recipe("NCM523", $"molten_salt {reagent.Name} «{Number(decomposition + 10)}C» 4h"), "RL3007");
        }
        foreach (var eutectic in Catalog.Eutectics.Where(e => e.MeltingPointC is not null))
        {
            var salts = string.Join("-", eutectic.Components);
            var range = eutectic.MeltingPointC!;
            yield return new Pair($"{salts} melting {range.Format()}",
                Recipe("NCM523", $"molten_salt {salts} «{Number(range.Max + 10)}C» 4h"), Recipe("NCM523", $"molten_salt {salts} «{Number(range.Min - 10)}C» 4h"), "RL3006");
        }
        foreach (var coating in Catalog.Coatings.Values)
        {
            if (coating.Kind == CoatingKind.Polymer)
                yield return new Pair($"{coating.Name} survives {coating.SurvivesUpToC} °C",
                    Recipe("NCM523", $"coat {coating.Name}", $"dry «{Number(coating.SurvivesUpToC - 10)}C» 12h"), Recipe("NCM523", $"coat {coating.Name}", $"dry «{Number(coating.SurvivesUpToC + 10)}C» 12h"), "RL4002");
            if (coating.UsualAmount is { } usual)
            {
                var (inside, outside) = Values(usual, usual.Unit);
                yield return new Pair($"{coating.Name} usual amount {usual.Format()}",
                    Recipe("NCM523", $"coat {coating.Name} «{inside}»"), Recipe("NCM523", $"coat {coating.Name} «{outside}»"), "RL3018");
            }
        }
        foreach (var dopant in Catalog.Dopants.Values)
        {
            var (inside, outside) = Values(dopant.UsualMolPercent, dopant.UsualMolPercent.Unit);
            yield return new Pair($"{dopant.Element} usual level {dopant.UsualMolPercent.Format()}",
                Recipe("NCM523", $"dope {dopant.Element} «{inside}»", "anneal 850C O2 4h"), Recipe("NCM523", $"dope {dopant.Element} «{outside}»", "anneal 850C O2 4h"), "RL3009");
        }
        var equipment = EquipmentProfile.Default;
        yield return new Pair($"furnace maximum {equipment.FurnaceMaxC} °C",
            Recipe("LCO", $"pyrolyze «{Number(equipment.FurnaceMaxC - 10)}C» 1h"), Recipe("LCO", $"pyrolyze «{Number(equipment.FurnaceMaxC + 10)}C» 1h"), "RL3011");
        yield return new Pair($"autoclave maximum {equipment.AutoclaveMaxC} °C",
            Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(equipment.AutoclaveMaxC - 50)}C» 3h"), Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(equipment.AutoclaveMaxC + 5)}C» 3h"), "RL3003");
        yield return new Pair($"autoclave rating {equipment.AutoclaveMaxBar} bar",
            Recipe("NCM523", $"hydrothermal 2M LiOH 150C 3h «{Number(equipment.AutoclaveMaxBar - 1)}bar»"), Recipe("NCM523", $"hydrothermal 2M LiOH 150C 3h «{Number(equipment.AutoclaveMaxBar + 1)}bar»"), "RL3003");
        yield return new Pair($"autoclave routine {equipment.AutoclaveRoutineMaxC} °C",
            Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(equipment.AutoclaveRoutineMaxC - 5)}C» 3h"), Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(equipment.AutoclaveRoutineMaxC + 5)}C» 3h"), "RL3004");
        yield return new Pair($"autoclave fill {equipment.AutoclaveFillRatio.Format()}",
            Recipe("NCM523", $"hydrothermal 2M LiOH 150C 3h «fill {Number(equipment.AutoclaveFillRatio.Max - 5)}%»"), Recipe("NCM523", $"hydrothermal 2M LiOH 150C 3h «fill {Number(equipment.AutoclaveFillRatio.Max + 5)}%»"), "RL3014");
        foreach (var curve in Catalog.VapourPressures.Values)
        {
            // The temperature at which the solvent's vapour reaches the rating, found on the curve itself.
            var limit = Enumerable.Range(0, 2400).Select(i => i / 10.0).Append(double.MaxValue).First(c => curve.PressureBar(c) > equipment.AutoclaveMaxBar || c >= curve.Critical.C);
            if (limit > equipment.AutoclaveMaxC)
                continue; // the liner's temperature limit comes first (ethylene glycol)
            var solvent = curve.Reagent == "water" ? "" : $" solvent {curve.Reagent}";
            yield return new Pair($"{curve.Reagent} vapour pressure at the rating",
                Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(Math.Floor(limit - 2))}C» 3h{solvent}"), Recipe("NCM523", $"hydrothermal 2M LiOH «{Number(Math.Ceiling(limit + 1))}C» 3h{solvent}"), "RL3003");
        }
        foreach (var pair in LimitProbes.Values)
            yield return pair;
    }

    /// <summary>The limits.json entries, which bound no single slot: each needs a probe here (a limit two rules read, one per rule).</summary>
    private static readonly Dictionary<string, Pair> LimitProbes = new()
    {
        [nameof(ProcessLimits.NiRichThreshold)] = new("Ni-rich threshold: NCM811 (Ni 0.8) needs O2, NCM65 (Ni 0.65) does not",
            Recipe("NCM65", "anneal 800C «air» 4h"), Recipe("NCM811", "anneal 750C «air» 4h"), "RL3002"),
        [nameof(ProcessLimits.AnnealOverWindowErrorC)] = new("50 °C over the window is an error",
            Recipe("NCM523", "anneal «940C» O2 4h"), Recipe("NCM523", "anneal «960C» O2 4h"), "RL3001!"),
        [nameof(ProcessLimits.NcmAnnealMaxC)] = new("no NCM above 1000 °C",
            Recipe("NCM111", "anneal «990C» O2 4h"), Recipe("NCM111", "anneal «1010C» O2 4h"), "RL3001!"),
        [nameof(ProcessLimits.LatticeReconstructionMinC)] = new("an anneal below 600 °C does not count for a Ni-rich water exposure",
            Recipe("NCM811", "wash water", "dry 80C 12h vacuum", "anneal «650C» O2 4h"), Recipe("NCM811", "«wash water»", "dry 80C 12h vacuum", "pyrolyze 550C O2 1h"), "RL4004"),
        [nameof(ProcessLimits.LatticeReconstructionMinC) + " (RL4001)"] = new("a furnace step at 600 °C before any lithium reorders a Li-deficient lattice without it",
            "recipe probe for NCM523 {\n  defects lithium_loss\n  pyrolyze «550C» air 1h\n  then mix Li2CO3 excess 5%\n  then anneal 850C O2 4h\n}\n",
            "recipe probe for NCM523 {\n  defects lithium_loss\n  pyrolyze «650C» air 1h\n  then mix Li2CO3 excess 5%\n  then anneal 850C O2 4h\n}\n", "RL4001"),
        [nameof(ProcessLimits.DopantDiffusionMinC)] = new("a dopant needs a later step at 700 °C",
            Recipe("NCM523", "«dope Al 1mol%»", "anneal 720C O2 4h"), Recipe("NCM523", "«dope Al 1mol%»", "pyrolyze 650C air 1h"), "RL4008"),
        [nameof(ProcessLimits.ElectrochemicalBatchInfoAboveG)] = new("electrochemical batch above 10 g",
            "recipe probe for LCO {\n  batch 5 g\n  «electrochemical» Li2SO4 1M 10mA/g cutoff -0.8V\n}\n", "recipe probe for LCO {\n  batch 20 g\n  «electrochemical» Li2SO4 1M 10mA/g cutoff -0.8V\n}\n", "RL3019"),
        [nameof(ProcessLimits.LithiumToMetalTarget)] = new("Li/TM after a solid lithium source",
            "recipe probe for NCM523 {\n  defects lithium_loss(li_tm = 0.62)\n  batch 50 g\n  mix Li2CO3 «7.6 g»\n  then anneal 850C O2 8h\n}\n",
            "recipe probe for NCM523 {\n  defects lithium_loss(li_tm = 0.62)\n  batch 50 g\n  mix Li2CO3 «9 g»\n  then anneal 850C O2 8h\n}\n", "RL3020"),
        [nameof(ProcessLimits.ElectrodeActiveWtPercent)] = new("electrode active share", Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 92:4:4»"), Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 98:1:1»"), "RL3015"),
        [nameof(ProcessLimits.ElectrodeConductiveWtPercent)] = new("electrode conductive share", Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 92:4:4»"), Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 86:12:2»"), "RL3015"),
        [nameof(ProcessLimits.ElectrodeBinderWtPercent)] = new("electrode binder share", Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 92:4:4»"), Recipe("NCM523", "electrode binder PVDF conductive carbon_black «ratio 86:2:12»"), "RL3015"),
    };

    [Test]
    public void EveryProcessLimitHasAProbe() =>
        Assert.That(typeof(ProcessLimits).GetProperties().Select(p => p.Name), Is.EquivalentTo(LimitProbes.Keys.Select(k => k.Split(' ')[0]).Distinct()));

    [TestCaseSource(nameof(Pairs))]
    public void InsideIsCleanAndOutsideReportsTheCode(Pair pair)
    {
        var code = pair.Code.TrimEnd('!');
        var (insideText, insideSpan) = Unmark(pair.Inside);
        var (outsideText, outsideSpan) = Unmark(pair.Outside);

        var inside = Analyze(insideText);
        Assert.That(inside.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty, $"inside: {insideText}");
        var errorOnly = pair.Code.EndsWith('!');
        Assert.That(inside.Where(d => d.Code == code && Overlaps(d.Span, insideSpan) && (!errorOnly || d.Severity == DiagnosticSeverity.Error)).Select(d => d.ToString()), Is.Empty, $"inside: {insideText}");

        var outside = Analyze(outsideText).Where(d => d.Code == code && Overlaps(d.Span, outsideSpan)).ToList();
        Assert.That(outside, Is.Not.Empty, $"outside: {outsideText}");
        if (errorOnly)
            Assert.That(outside.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True, $"an error: {outsideText}");
    }

    private static IReadOnlyList<Diagnostic> Analyze(string text) =>
        new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/probe.recipe")).Diagnostics;

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static (string Text, TextSpan Span) Unmark(string marked)
    {
        var start = marked.IndexOf('«');
        var end = marked.IndexOf('»') - 1;
        return (marked.Replace("«", "").Replace("»", ""), TextSpan.FromBounds(start, end));
    }
}
