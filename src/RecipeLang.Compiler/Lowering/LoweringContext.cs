using System.Globalization;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>What an argument source may read while one step is lowered; collects the assumptions it makes.</summary>
public sealed class LoweringContext(BoundRecipe recipe, EquipmentProfile profile, List<string> assumptions)
{
    public BoundStep Step { get; internal set; } = null!;

    public EquipmentProfile Profile { get; } = profile;

    public string Material => recipe.Material?.Name ?? "cathode";

    public double BatchGrams { get; } = recipe.Batch is { } batch && batch.TryConvertTo("g", out var grams) ? grams.Value : LoweringDefaults.BatchGrams;

    /// <summary>Formula units of the material in the batch (from its catalogued composition).</summary>
    public double MaterialMoles => recipe.Material is { } material
        ? BatchGrams / Sized(material).MolarMass
        : throw new LoweringException($"{Step.Describe()}: the recipe names no catalogued material to size the reagent against.");

    /// <summary>The material's theoretical capacity, mAh/g, when the recipe names a catalogued material.</summary>
    public double? Capacity => recipe.Material is { } material ? Sized(material).TheoreticalCapacityMahPerG : null;

    /// <summary>The measured Li/TM the recipe declares with <c>defects lithium_loss(li_tm = …)</c>, if any.</summary>
    public double? MeasuredLithiumToMetal { get; } = recipe.Defects
        .Where(d => d.Name == DefectNames.LithiumLoss)
        .Select(d => d.Arguments.TryGetValue("li_tm", out var ratio) ? ratio.Value : (double?)null)
        .FirstOrDefault(r => r is not null);

    /// <summary>The vessel that holds the batch's solids; null until the batch is charged.</summary>
    public Vessel? SolidsIn { get; private set; }

    /// <summary>
    /// The verb that puts the batch's solids into <paramref name="vessel"/> before a verb works there: the
    /// charge of the batch when no vessel holds it yet, else a transfer from the vessel that does; none when
    /// they are there already.
    /// </summary>
    public Verb? BringSolidsTo(Vessel vessel)
    {
        var verb = SolidsIn switch
        {
            null => new Verb(VerbKind.Charge, vessel, [VerbArgument.OfText(Material), new VerbArgument(ArgumentKind.Mass, BatchGrams)]),
            { } from when from != vessel => new Verb(VerbKind.Transfer, from, [VerbArgument.OfVessel(vessel)]),
            _ => null,
        };
        SolidsIn = vessel;
        return verb;
    }

    /// <summary>The catalogued default <paramref name="name"/> of the step's operation (a missing one is a catalog defect, caught by tests).</summary>
    public OperationDefault Default(string name) => Step.Operation.FindDefault(name)
        ?? throw new LoweringException($"{Step.Describe()} has no {name} and the catalog gives {Step.Name} no default for it.");

    /// <summary>
    /// The material whose molar mass sizes a quantity; for one whose metals are known only in total (NCM65's Co and
    /// Mn) that molar mass is the middle of what any split gives, which the step's assumptions then state.
    /// </summary>
    private MaterialInfo Sized(MaterialInfo material)
    {
        if (material.Unsplit is { } unsplit)
        {
            Assume($"{material.Name}: the {string.Join("/", unsplit.Elements)} split is not known; its molar mass is taken as {material.MolarMass:0.##} ± {material.MolarMassUncertainty:0.##} g/mol, the middle of what any split gives");
        }
        return material;
    }

    /// <summary>Records a value the recipe left open; numbers are written in the invariant culture.</summary>
    public void Assume(FormattableString text)
    {
        var line = $"{Step.Describe()}: {text.ToString(CultureInfo.InvariantCulture)}";
        if (!assumptions.Contains(line))
        {
            assumptions.Add(line);
        }
    }
}
