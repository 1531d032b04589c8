namespace RecipeLang.Runtime;

/// <summary>A heating or cooling rate, stored in degrees Celsius per minute.</summary>
public readonly record struct TemperatureRate
{
    private TemperatureRate(double value) => InCelsiusPerMinute = value;

    public double InCelsiusPerMinute { get; }

    public static TemperatureRate CelsiusPerMinute(double rate) => new(rate);
    public static TemperatureRate CelsiusPerHour(double rate) => new(rate / 60);

    public override string ToString() => QuantityFormat.Format(InCelsiusPerMinute, "°C/min");
}
