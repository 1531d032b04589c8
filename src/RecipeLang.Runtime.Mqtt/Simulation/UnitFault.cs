using System.Globalization;

namespace RecipeLang.Runtime.Mqtt.Simulation;

public enum UnitFaultKind
{
    /// <summary>The temperature sensor stops answering (telemetry carries null).</summary>
    SensorLoss,
    /// <summary>The heater delivers nothing: a hold can no longer reach its band.</summary>
    HeaterFailure,
    /// <summary>The heater sticks at full power: the temperature runs away past the site maximum.</summary>
    OverTemperature,
    /// <summary>The unit loses its broker link (the broker publishes its last will), goes to its safe state, and reconnects after a while.</summary>
    LinkDrop,
}

/// <summary>A fault to inject into a simulated unit at a plant time after the simulation starts: <c>furnace-1=over-temperature@2h</c>.</summary>
public sealed record UnitFault(string Unit, UnitFaultKind Kind, TimeSpan At)
{
    public static UnitFault Parse(string text)
    {
        var equals = text.IndexOf('=');
        var at = text.IndexOf('@');
        if (equals <= 0 || at < equals)
            throw new FormatException($"'{text}' is not a fault: write UNIT=KIND@TIME, e.g. furnace-1=over-temperature@2h");
        var kindText = text[(equals + 1)..at];
        UnitFaultKind kind = kindText switch
        {
            "sensor-loss" => UnitFaultKind.SensorLoss,
            "heater-failure" => UnitFaultKind.HeaterFailure,
            "over-temperature" => UnitFaultKind.OverTemperature,
            "link-drop" => UnitFaultKind.LinkDrop,
            _ => throw new FormatException($"'{kindText}' is not a fault kind: sensor-loss, heater-failure, over-temperature or link-drop"),
        };
        return new UnitFault(text[..equals], kind, ParseTime(text[(at + 1)..]));
    }

    /// <summary>"90s", "15min", "2h", "1.5h": plant time.</summary>
    public static TimeSpan ParseTime(string text)
    {
        foreach (var (suffix, unit) in new[] { ("min", TimeSpan.FromMinutes(1)), ("h", TimeSpan.FromHours(1)), ("s", TimeSpan.FromSeconds(1)) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
                return unit * value;
        }
        throw new FormatException($"'{text}' is not a time: write 90s, 15min or 2h");
    }
}
