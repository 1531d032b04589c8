namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// First-order thermal behaviour of one vessel: it approaches its heater's target with TimeConstant
/// (and ambient, heater off, with CoolingTimeConstant), never heating faster than the heater's power
/// allows (MaxHeatingRate) nor hotter than the heater at full power can drive it (CeilingC).
/// </summary>
public sealed record ThermalModel(TimeSpan TimeConstant, TimeSpan CoolingTimeConstant, TemperatureRate MaxHeatingRate, double CeilingC)
{
    public static ThermalModel For(Vessel vessel) => vessel switch
    {
        // Box furnace: fast elements, heavy insulation (slow to cool).
        Vessel.Furnace => new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(60), TemperatureRate.CelsiusPerMinute(20), 1400),
        Vessel.Autoclave => new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45), TemperatureRate.CelsiusPerMinute(10), 400),
        Vessel.Dryer => new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TemperatureRate.CelsiusPerMinute(10), 300),
        Vessel.Cell => new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TemperatureRate.CelsiusPerMinute(2), 95),
        _ => new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20), TemperatureRate.CelsiusPerMinute(5), 150),
    };
}
