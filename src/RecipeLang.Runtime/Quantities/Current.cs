namespace RecipeLang.Runtime;

/// <summary>An electric current, stored in milliamperes; negative is cathodic (reduction, Li insertion).</summary>
public readonly record struct Current
{
    private Current(double value) => InMilliamperes = value;

    public double InMilliamperes { get; }

    public static Current Milliamperes(double milliamperes) => new(milliamperes);
    public static Current Amperes(double amperes) => new(amperes * 1000);

    public override string ToString() => QuantityFormat.Format(InMilliamperes, "mA");
}
