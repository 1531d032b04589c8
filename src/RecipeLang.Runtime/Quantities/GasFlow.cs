namespace RecipeLang.Runtime;

/// <summary>A gas flow, stored in standard litres per minute.</summary>
public readonly record struct GasFlow
{
    private GasFlow(double value) => InLitresPerMinute = value;

    public double InLitresPerMinute { get; }

    public static GasFlow LitresPerMinute(double litresPerMinute) => new(litresPerMinute);
    public static GasFlow MillilitresPerMinute(double millilitresPerMinute) => new(millilitresPerMinute / 1000);

    public override string ToString() => QuantityFormat.Format(InLitresPerMinute, "L/min");
}
