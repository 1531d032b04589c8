namespace RecipeLang.Runtime.Simulation;

/// <summary>
/// A deliberately simple cathode half-cell: the equilibrium potential moves linearly with the charge
/// passed (Li inserted lowers it) and an ohmic drop adds to it while current flows. Enough to make a
/// galvanostatic step stop at its cut-off and a potentiostatic step's current decay.
/// </summary>
internal sealed class ElectrochemicalCell
{
    private const double RestPotentialV = 0.3;
    private const double VoltsPerMilliampHour = 0.01;
    private const double ResistanceOhm = 20;

    /// <summary>Charge passed, mAh; negative is cathodic (reduction).</summary>
    public double ChargeMilliampHours { get; private set; }

    public double CurrentMilliamperes { get; private set; }

    public double EquilibriumV => RestPotentialV + VoltsPerMilliampHour * ChargeMilliampHours;

    public double PotentialV => EquilibriumV + CurrentMilliamperes / 1000 * ResistanceOhm;

    public void DriveCurrent(double milliamperes, TimeSpan dt)
    {
        CurrentMilliamperes = milliamperes;
        ChargeMilliampHours += milliamperes * dt.TotalHours;
    }

    public void HoldPotential(double volts, TimeSpan dt) =>
        DriveCurrent((volts - EquilibriumV) / ResistanceOhm * 1000, dt);

    public void Off() => CurrentMilliamperes = 0;
}
