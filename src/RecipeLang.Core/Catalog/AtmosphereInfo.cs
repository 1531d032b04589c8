namespace RecipeLang.Catalog;

/// <summary>A furnace or drying atmosphere (also the gases a site has, see <see cref="EquipmentProfile.Gases"/>).</summary>
public sealed record AtmosphereInfo(string Name, bool Oxidizing, bool IsVacuum, string Description)
{
    /// <summary>Words people write for it (<c>oxygen</c>); used for "did you mean", never accepted as the name.</summary>
    public IReadOnlyList<string> CommonNames { get; init; } = [];
}
