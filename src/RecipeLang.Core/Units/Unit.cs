namespace RecipeLang.Units;

/// <summary>
/// A unit of one dimension. Its base value is <c>value * Scale + Offset</c>; the base units are listed
/// on <see cref="UnitTable"/>. <see cref="Canonical"/> is the ASCII spelling the formatter writes,
/// <see cref="Symbol"/> the typographic one used in hovers (°C).
/// </summary>
public sealed record Unit(string Canonical, Dimension Dimension, double Scale, double Offset)
{
    public string Symbol { get; init; } = Canonical;

    public double ToBase(double value) => value * Scale + Offset;

    public double FromBase(double value) => (value - Offset) / Scale;

    public override string ToString() => Canonical;
}
