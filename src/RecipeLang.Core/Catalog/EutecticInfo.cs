namespace RecipeLang.Catalog;

/// <summary>
/// A salt mixture with what is known about where it melts. Components are reagent names in catalog form.
/// </summary>
/// <param name="MeltingPointC">
/// Measured or reported melting range: at or below <c>Min</c> the mixture is solid; above <c>Max</c> it is
/// molten. Null when only a working temperature is reported.
/// </param>
/// <param name="ReportedWorkingC">A temperature the literature ran the mixture at (molten there), when no melting point is known.</param>
/// <param name="Ratio">The eutectic composition in words, when known.</param>
public sealed record EutecticInfo(
    IReadOnlyList<string> Components,
    Range? MeltingPointC,
    Range? ReportedWorkingC,
    string? Ratio,
    string Source,
    string? Notes)
{
    /// <summary>Order-insensitive identity: components sorted ordinally, joined by '-'.</summary>
    public string Key => KeyOf(Components);

    public static string KeyOf(IEnumerable<string> components) =>
        string.Join("-", components.Select(Chemistry.Formula.Normalize).Order(StringComparer.Ordinal));
}
