namespace RecipeLang.Catalog;

public enum CoatingKind
{
    Inorganic,
    Polymer,
}

/// <summary>A surface coating. A later step hotter than <see cref="SurvivesUpToC"/> destroys a polymer coating.</summary>
/// <param name="UsualAmount">The literature window, in wt% or (for molecular-layer coatings) nm.</param>
public sealed record CoatingInfo(
    string Name,
    CoatingKind Kind,
    double SurvivesUpToC,
    Range? UsualAmount,
    string Source,
    string? Notes);
