namespace RecipeLang.Catalog;

/// <summary>A chemical a step may use. Every number has its own source; absent numbers are unknown, not zero.</summary>
/// <param name="Formula">Formula text, parsed by <see cref="Chemistry.Formula"/> (also for named reagents: citric_acid is C6H8O7).</param>
/// <param name="LithiumBearing">Derived from the parsed formula: it contains Li.</param>
/// <param name="Roles">Values from <see cref="ReagentRoles"/>.</param>
/// <param name="SolubilityM">Solubility in water near room temperature, mol/L.</param>
/// <param name="DecompositionC">Above this temperature the reagent decomposes (a molten-salt warning).</param>
public sealed record ReagentInfo(
    string Name,
    string Formula,
    bool LithiumBearing,
    IReadOnlyList<string> Roles,
    double? SolubilityM,
    string? SolubilitySource,
    double? MeltingPointC,
    string? MeltingPointSource,
    double? DecompositionC,
    string? DecompositionSource,
    string? Notes)
{
    /// <summary>Other names a recipe may use (lithium_benzoate for LiC7H5O2).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool HasRole(string role)
    {
        // Asked per reagent by several rules: a loop, not an enumerator.
        for (var i = 0; i < Roles.Count; i++)
        {
            if (string.Equals(Roles[i], role, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The roles a reagent can play; the checker asks for these, never for reagent names.</summary>
public static class ReagentRoles
{
    public const string LithiumSource = "lithium_source";
    public const string Base = "base";
    public const string Acid = "acid";
    public const string Salt = "salt";
    public const string Solvent = "solvent";
    public const string Oxidiser = "oxidiser";
    public const string ChelatingAgent = "chelating_agent";
    public const string WashLiquid = "wash_liquid";
    public const string Electrolyte = "electrolyte";

    /// <summary>Converts a rock-salt surface into hydroxide precursor in a hydrothermal step (NH4OH, review Table 1 row 11).</summary>
    public const string SurfaceReconstruction = "surface_reconstruction";

    public static IReadOnlyList<string> All { get; } =
        [LithiumSource, Base, Acid, Salt, Solvent, Oxidiser, ChelatingAgent, WashLiquid, Electrolyte, SurfaceReconstruction];
}
