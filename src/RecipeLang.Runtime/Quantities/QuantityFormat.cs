using System.Globalization;

namespace RecipeLang.Runtime;

/// <summary>One way to print quantities and durations, the same in every log, journal and progress bar whatever the machine's culture.</summary>
public static class QuantityFormat
{
    public static string Format(double value, string unit) =>
        value.ToString("0.####", CultureInfo.InvariantCulture) + " " + unit;

    /// <summary>"20 h", "1 h 30 min", "45 s": how an operator reads a duration (TimeSpan prints "20:00:00").</summary>
    public static string Format(TimeSpan duration)
    {
        var parts = new List<string>();
        var hours = (long)duration.TotalHours;
        if (hours != 0)
            parts.Add($"{hours} h");
        if (duration.Minutes != 0)
            parts.Add($"{duration.Minutes} min");
        if (duration.Seconds != 0 || parts.Count == 0)
            parts.Add($"{duration.Seconds} s");
        return string.Join(" ", parts);
    }
}
