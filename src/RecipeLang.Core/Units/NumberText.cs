using System.Globalization;

namespace RecipeLang.Units;

/// <summary>Number text for recipes (round-trips, never exponent notation) and for hovers (six significant digits).</summary>
internal static class NumberText
{
    public static string Canonical(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal))
            return text;
        return Math.Abs(value) < 7.9e28
            ? ((decimal)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("F0", CultureInfo.InvariantCulture);
    }

    public static string Display(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
            return Canonical(value);
        var digits = 6 - (int)Math.Floor(Math.Log10(Math.Abs(value))) - 1;
        var rounded = digits is >= 0 and <= 15 ? Math.Round(value, digits) : value;
        return Canonical(rounded);
    }
}
