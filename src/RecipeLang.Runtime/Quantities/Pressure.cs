namespace RecipeLang.Runtime;

/// <summary>An absolute pressure, stored in bar.</summary>
public readonly record struct Pressure
{
    private Pressure(double value) => InBar = value;

    public double InBar { get; }

    public static Pressure Bar(double bar) => new(bar);
    public static Pressure Kilopascals(double kilopascals) => new(kilopascals / 100);

    public override string ToString() => QuantityFormat.Format(InBar, "bar");
}
