using RecipeLang.Checking.Rules;

namespace RecipeLang.Checking;

/// <summary>
/// Every rule the checker runs, ordered by code. A plain list rather than a reflection scan, so that a trimmed or
/// natively compiled build keeps every rule; RuleRegistryTests fails when a rule class is missing from it.
/// </summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        .. new Rule[]
        {
            new AnnealAtmosphereRule(),
            new AnnealWindowRule(),
            new AutoclaveLimitRule(),
            new AutoclaveRoutineRule(),
            new CoatLastRule(),
            new CoatingAmountRule(),
            new DefectCoverageRule(),
            new DopantDiffusionRule(),
            new DopantLevelRule(),
            new ElectrochemicalBatchRule(),
            new ElectrodeRatioRule(),
            new FurnaceBeforeLithiumRule(),
            new FurnaceLimitRule(),
            new GasAvailabilityRule(),
            new ImpossibleValueRule(),
            new LithiumBalanceRule(),
            new LithiumSourceRule(),
            new MaterialNeededRule(),
            new MixWithoutSinterRule(),
            new MoltenSaltMeltingRule(),
            new MoltenSaltWashRule(),
            new NiRichWaterRule(),
            new NoLithiumReagentRule(),
            new ParameterRangeRule(),
            new PolymerCoatingHeatRule(),
            new SaltDecompositionRule(),
            new SolubilityRule(),
            new SurfaceReconstructionFollowUpRule(),
            new UnusedLetRule(),
            new WetIntoFurnaceRule(),
        }
        .OrderBy(r => r.Descriptor.Code, StringComparer.Ordinal)
        .ThenBy(r => r.GetType().Name, StringComparer.Ordinal),
    ];

    public static IReadOnlyList<RecipeRule> Recipes { get; } = [.. All.OfType<RecipeRule>()];

    public static IReadOnlyList<FileRule> Files { get; } = [.. All.OfType<FileRule>()];
}
