using RecipeLang.Checking.Rules;

namespace RecipeLang.Checking;

/// <summary>Every rule the checker runs, in one list.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<RecipeRule> All { get; } =
    [
        new ImpossibleValueRule(),
        new MaterialNeededRule(),
        new AnnealWindowRule(),
        new AnnealAtmosphereRule(),
        new AutoclaveLimitRule(),
        new AutoclaveRoutineRule(),
        new SolubilityRule(),
        new MoltenSaltMeltingRule(),
        new SaltDecompositionRule(),
        new DopantLevelRule(),
        new ParameterRangeRule(),
        new FurnaceLimitRule(),
        new GasAvailabilityRule(),
        new FurnaceBeforeLithiumRule(),
        new PolymerCoatingHeatRule(),
        new WetIntoFurnaceRule(),
        new NiRichWaterRule(),
        new DefectCoverageRule(),
        new NoLithiumReagentRule(),
        new MixWithoutSinterRule(),
        new DopantDiffusionRule(),
        new MoltenSaltWashRule(),
        new CoatLastRule(),
        new SurfaceReconstructionFollowUpRule(),
        new ElectrodeRatioRule(),
        new CoatingAmountRule(),
        new ElectrochemicalBatchRule(),
        new LithiumBalanceRule(),
    ];
}
