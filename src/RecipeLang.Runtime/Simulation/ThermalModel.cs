namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// First-order thermal behaviour of one vessel and its heater. The charge loses heat to ambient with
/// TimeConstant (heat capacity over loss coefficient); the heater delivers at most HeaterKw, so the
/// fastest possible rise falls as the vessel gets hotter and the hottest it can get at full power is
/// CeilingC. The heater's output follows its demand with HeaterLag (element and wall mass), and the
/// controller is proportional with a feed-forward of the power that holds the set-point: the lag is
/// what makes the temperature overshoot the end of a ramp by a few degrees before it settles.
/// </summary>
public sealed record ThermalModel(double HeaterKw, TimeSpan TimeConstant, TimeSpan HeaterLag, double CeilingRiseC, double GainPerC)
{
    /// <summary>Loss coefficient, kW/K: at CeilingRiseC above ambient the losses equal full heater power.</summary>
    public double LossKwPerK => HeaterKw / CeilingRiseC;

    /// <summary>Heat capacity of vessel and charge, kJ/K.</summary>
    public double HeatCapacityKjPerK => LossKwPerK * TimeConstant.TotalSeconds;

    public double CeilingC(double ambientC) => ambientC + CeilingRiseC;

    /// <summary>The fastest the vessel can rise at a temperature with the heater at full power, °C/min.</summary>
    public double MaxHeatingRate(double temperatureC, double ambientC) =>
        (HeaterKw - LossKwPerK * (temperatureC - ambientC)) / HeatCapacityKjPerK * 60;

    public static ThermalModel For(Vessel vessel) => vessel switch
    {
        // Box furnace: 12 kW elements, heavy insulation; about 22 °C/min cold, 12 °C/min at 850 °C.
        Vessel.Furnace => new(12, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(2), 1575, 0.02),
        Vessel.Autoclave => new(3, TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(1), 425, 0.05),
        Vessel.Dryer => new(2, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), 275, 0.05),
        Vessel.Cell => new(0.3, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), 70, 0.1),
        _ => new(1, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), 125, 0.05),
    };
}
