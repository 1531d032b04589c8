using System.Globalization;

namespace RecipeLang.Runtime;

/// <summary>One way to print a quantity, the same in every log and journal whatever the machine's culture.</summary>
internal static class QuantityFormat
{
    public static string Format(double value, string unit) =>
        value.ToString("0.####", CultureInfo.InvariantCulture) + " " + unit;
}
