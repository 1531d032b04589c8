namespace RecipeLang.Runtime;

/// <summary>A liquid volume, stored in millilitres.</summary>
public readonly record struct Volume
{
    private Volume(double value) => InMillilitres = value;

    public double InMillilitres { get; }

    public static Volume Millilitres(double millilitres) => new(millilitres);
    public static Volume Litres(double litres) => new(litres * 1000);

    public override string ToString() => QuantityFormat.Format(InMillilitres, "mL");
}
