namespace RecipeLang.Catalog;

/// <summary>
/// Metals a material holds in a known total but an unknown split, such as the Co and Mn of an NCM known only by its
/// Ni fraction (NCM65: Co + Mn = 0.35). The catalog states what the name gives and no more; a molar mass then
/// takes the middle of what any split allows and says how far off it can be.
/// </summary>
/// <param name="Elements">The metals sharing <paramref name="Total"/>, e.g. Co and Mn.</param>
/// <param name="Total">Their moles per formula unit together.</param>
public sealed record UnsplitMetals(IReadOnlyList<string> Elements, double Total);
