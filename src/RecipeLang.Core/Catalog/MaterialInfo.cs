namespace RecipeLang.Catalog;

/// <summary>A cathode material the checker knows: what it is made of and how it may be heated.</summary>
/// <param name="Composition">Element symbol → mol per formula unit (Li, the transition metals, O).</param>
/// <param name="NiFraction">Ni over all transition metals.</param>
/// <param name="IsNiRich">NiFraction at or above the catalog's Ni-rich threshold (<see cref="ProcessLimits.NiRichThreshold"/>).</param>
/// <param name="PreferredAtmosphere">The best anneal atmosphere; null when every allowed one is as good.</param>
public sealed record MaterialInfo(
    string Name,
    IReadOnlyDictionary<string, double> Composition,
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
    public bool IsNcm => Composition.ContainsKey("Ni") && Composition.ContainsKey("Co") && Composition.ContainsKey("Mn");

    /// <summary>Grams per mole of formula units, from the composition.</summary>
    public double MolarMass => Composition.Sum(e => e.Value * (Chemistry.Elements.TryGet(e.Key, out var element) ? element.AtomicWeight : double.NaN));

    /// <summary>
    /// Theoretical specific capacity, mAh/g, for one Li per formula unit: F / (3.6 · M), with the Faraday constant
    /// (<see cref="Chemistry.Elements.FaradayConstant"/>). What 1C means when a recipe gives an electrochemical current as
    /// a C-rate (NCM523: 278 mAh/g).
    /// </summary>
    public double TheoreticalCapacityMahPerG => Chemistry.Elements.FaradayConstant / 3.6 / MolarMass;

    /// <summary>Moles of metal-site cations (every element but Li, O and F) per formula unit.</summary>
    public double MetalsPerFormula => CatalogBuilder.MetalSiteTotal(Composition);
}
