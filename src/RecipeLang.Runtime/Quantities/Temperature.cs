namespace RecipeLang.Runtime;

/// <summary>A temperature or set-point, stored in degrees Celsius.</summary>
public readonly record struct Temperature
{
    private Temperature(double value) => InCelsius = value;

    public double InCelsius { get; }

    public static Temperature Celsius(double degrees) => new(degrees);
    public static Temperature Kelvin(double kelvin) => new(kelvin - 273.15);

    public override string ToString() => QuantityFormat.Format(InCelsius, "°C");
}
