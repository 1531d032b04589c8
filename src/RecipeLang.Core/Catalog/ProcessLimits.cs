namespace RecipeLang.Catalog;

/// <summary>A single threshold with its unit (a <see cref="Units.UnitTable"/> spelling, empty for a ratio) and source.</summary>
public sealed record Limit(double Value, string Unit, string Source);

/// <summary>
/// The thresholds the process rules use that belong to no single material, reagent or operation
/// (<c>Data/limits.json</c>). Each is named for what the rule does with it.
/// </summary>
public sealed class ProcessLimits
{
    /// <summary>Ni fraction (of transition metals) at or above which a material is Ni-rich.</summary>
    public required Limit NiRichThreshold { get; init; }

    /// <summary>How far above a material's anneal window is an error rather than a warning (a difference).</summary>
    public required Limit AnnealOverWindowErrorC { get; init; }

    /// <summary>No NCM may be annealed above this.</summary>
    public required Limit NcmAnnealMaxC { get; init; }

    /// <summary>Below this an anneal does not reorder the lattice; at or above it, a Li-deficient lattice heated before any lithium source is reordered without its lithium (RL4001).</summary>
    public required Limit LatticeReconstructionMinC { get; init; }

    /// <summary>A dopant needs a later step at least this hot to diffuse in.</summary>
    public required Limit DopantDiffusionMinC { get; init; }

    /// <summary>Electrochemical relithiation is slow: a larger batch is worth an info.</summary>
    public required Limit ElectrochemicalBatchInfoAboveG { get; init; }

    /// <summary>The Li/TM ratio a relithiation aims for.</summary>
    public required Range LithiumToMetalTarget { get; init; }

    /// <summary>Active : conductive : binder windows of a re-made electrode, wt%.</summary>
    public required Range ElectrodeActiveWtPercent { get; init; }

    public required Range ElectrodeConductiveWtPercent { get; init; }

    public required Range ElectrodeBinderWtPercent { get; init; }
}
