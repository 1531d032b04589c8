namespace RecipeLang.Units;

/// <summary>What a quantity measures. Temperature is a set-point; TemperatureDelta a difference.</summary>
public enum Dimension
{
    Dimensionless,
    Temperature,
    TemperatureDelta,
    TemperatureRate,
    Time,
    Concentration,
    MassFraction,
    MolarFraction,
    Percent,
    Pressure,
    Mass,
    Volume,
    Length,
    Current,
    SpecificCurrent,
    CRate,
    Voltage,
    SpecificCapacity,
    RotationRate,
    MassConcentration,
    Count,
}

public static class DimensionExtensions
{
    private static readonly Dictionary<string, Dimension> ByTypeName =
        Enum.GetValues<Dimension>().ToDictionary(TypeName, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The identifier a recipe writes for the dimension in a parameter type (<c>T: temperature</c>,
    /// <c>r: temperature_rate</c>, <c>i: c_rate</c>): the enum name in snake case, as the catalog files spell it.
    /// </summary>
    public static string TypeName(this Dimension dimension) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(dimension.ToString());

    public static bool TryParseTypeName(string name, out Dimension dimension) => ByTypeName.TryGetValue(name, out dimension);

    /// <summary>The lower-case name used in diagnostics and in parameter types (<c>T: temperature</c>).</summary>
    public static string DisplayName(this Dimension dimension) => dimension switch
    {
        Dimension.Dimensionless => "number",
        Dimension.Temperature => "temperature",
        Dimension.TemperatureDelta => "temperature difference",
        Dimension.TemperatureRate => "heating rate",
        Dimension.Time => "time",
        Dimension.Concentration => "concentration",
        Dimension.MassFraction => "mass fraction",
        Dimension.MolarFraction => "molar fraction",
        Dimension.Percent => "percentage",
        Dimension.Pressure => "pressure",
        Dimension.Mass => "mass",
        Dimension.Volume => "volume",
        Dimension.Length => "length",
        Dimension.Current => "current",
        Dimension.SpecificCurrent => "specific current",
        Dimension.CRate => "C-rate",
        Dimension.Voltage => "voltage",
        Dimension.SpecificCapacity => "specific capacity",
        Dimension.RotationRate => "rotation rate",
        Dimension.MassConcentration => "mass concentration",
        Dimension.Count => "count",
        _ => dimension.ToString(),
    };
}
