namespace RecipeLang.Catalog;

/// <summary>A furnace or drying atmosphere (also the gases a site has, see <see cref="EquipmentProfile.Gases"/>).</summary>
public sealed record AtmosphereInfo(string Name, bool Oxidizing, bool IsVacuum, string Description)
{
    /// <summary>Other accepted spellings (<c>oxygen</c> for O2); names are matched case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}
