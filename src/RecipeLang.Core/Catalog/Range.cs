using System.Globalization;
using RecipeLang.Units;

namespace RecipeLang.Catalog;

/// <summary>
/// An inclusive range of values in <see cref="Unit"/> (a <see cref="UnitTable"/> spelling) with where it comes from.
/// </summary>
/// <remarks>Outside code that also imports <c>System</c> may need <c>RecipeLang.Catalog.Range</c> to tell it from <see cref="System.Range"/>.</remarks>
public sealed record Range(double Min, double Max, string Unit, string Source)
{
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>
    /// Expresses <paramref name="quantity"/> in this range's unit (read in the quantity's dimension, so a
    /// <c>C</c> range compares with a set-point and a <c>C/min</c> range with a rate); false when the dimensions differ.
    /// </summary>
    public bool TryExpress(Quantity quantity, out double value)
    {
        value = 0;
        if (!UnitTable.TryLookup(Unit, quantity.Dimension, out var unit) || !quantity.TryConvertTo(unit, out var converted))
            return false;
        value = converted.Value;
        return true;
    }

    /// <summary>Whether the quantity lies inside, or null when it measures another dimension.</summary>
    public bool? Contains(Quantity quantity) => TryExpress(quantity, out var value) ? Contains(value) : null;

    /// <summary>Hover and message text: <c>150–220 °C</c>.</summary>
    public string Format()
    {
        var symbol = UnitTable.TryLookup(Unit, out var unit) ? unit.Symbol : Unit;
        var separator = symbol.Length == 0 || symbol.StartsWith('%') ? "" : " ";
        var min = Min.ToString("0.###", CultureInfo.InvariantCulture);
        var max = Max.ToString("0.###", CultureInfo.InvariantCulture);
        return (Min == Max ? min : $"{min}–{max}") + separator + symbol;
    }
}
