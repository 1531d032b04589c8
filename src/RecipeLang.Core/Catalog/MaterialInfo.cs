namespace RecipeLang.Catalog;

/// <summary>A cathode material the checker knows: what it is made of and how it may be heated.</summary>
/// <param name="Composition">Element symbol → mol per formula unit (Li, the transition metals, O).</param>
/// <param name="Unsplit">Metals whose total is known but not their split (null when the composition is complete).</param>
/// <param name="NiFraction">Ni over all transition metals.</param>
/// <param name="IsNiRich">NiFraction at or above the catalog's Ni-rich threshold (<see cref="ProcessLimits.NiRichThreshold"/>).</param>
/// <param name="PreferredAtmosphere">The best anneal atmosphere; null when every allowed one is as good.</param>
public sealed record MaterialInfo(
    string Name,
    IReadOnlyDictionary<string, double> Composition,
    UnsplitMetals? Unsplit,
    double NiFraction,
    bool IsNiRich,
    Range AnnealWindowC,
    IReadOnlyList<string> AllowedAtmospheres,
    string? PreferredAtmosphere,
    bool WaterSensitive,
    string Source,
    string? Notes)
{
    /// <summary>A nickel–cobalt–manganese oxide (the 1000 °C NCM limit applies).</summary>
    public bool IsNcm => Holds("Ni") && Holds("Co") && Holds("Mn");

    /// <summary>
    /// Grams per mole of formula units, from the composition; with <see cref="Unsplit"/> metals, the middle of the
    /// range their possible splits give (<see cref="MolarMassUncertainty"/> says how far off it can be).
    /// </summary>
    public double MolarMass => Composition.Sum(e => e.Value * AtomicWeight(e.Key))
        + (Unsplit is { } unsplit ? unsplit.Total * (unsplit.Elements.Min(AtomicWeight) + unsplit.Elements.Max(AtomicWeight)) / 2 : 0);

    /// <summary>Half the spread of the molar mass over every split of the <see cref="Unsplit"/> metals, g/mol; 0 when none.</summary>
    public double MolarMassUncertainty => Unsplit is { } unsplit
        ? unsplit.Total * (unsplit.Elements.Max(AtomicWeight) - unsplit.Elements.Min(AtomicWeight)) / 2
        : 0;

    /// <summary>
    /// Theoretical specific capacity, mAh/g, for one Li per formula unit: F / (3.6 · M), with the Faraday constant
    /// (<see cref="Chemistry.Elements.FaradayConstant"/>). What 1C means when a recipe gives an electrochemical current as
    /// a C-rate (NCM523: 278 mAh/g).
    /// </summary>
    public double TheoreticalCapacityMahPerG => Chemistry.Elements.FaradayConstant / 3.6 / MolarMass;

    /// <summary>Moles of metal-site cations (every element but Li, O and F) per formula unit.</summary>
    public double MetalsPerFormula => CatalogBuilder.MetalSiteTotal(Composition) + (Unsplit?.Total ?? 0);

    private bool Holds(string element) => Composition.ContainsKey(element) || Unsplit?.Elements.Contains(element) == true;

    private static double AtomicWeight(string symbol) =>
        Chemistry.Elements.TryGet(symbol, out var element) ? element.AtomicWeight : double.NaN;
}
