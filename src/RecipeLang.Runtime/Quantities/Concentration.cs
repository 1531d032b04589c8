namespace RecipeLang.Runtime;

/// <summary>A molar concentration, stored in mol/L.</summary>
public readonly record struct Concentration
{
    private Concentration(double value) => InMolar = value;

    public double InMolar { get; }

    public static Concentration Molar(double molesPerLitre) => new(molesPerLitre);

    public override string ToString() => QuantityFormat.Format(InMolar, "mol/L");
}
