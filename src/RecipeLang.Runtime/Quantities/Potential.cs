namespace RecipeLang.Runtime;

/// <summary>An electrode potential, stored in volts against the cell's reference electrode.</summary>
public readonly record struct Potential
{
    private Potential(double value) => InVolts = value;

    public double InVolts { get; }

    public static Potential Volts(double volts) => new(volts);
    public static Potential Millivolts(double millivolts) => new(millivolts / 1000);

    public override string ToString() => QuantityFormat.Format(InVolts, "V");
}
