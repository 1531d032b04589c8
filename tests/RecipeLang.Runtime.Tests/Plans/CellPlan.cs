using RecipeLang.Runtime.Execution;

namespace RecipeLang.Runtime.Tests.Plans;

/// <summary>One electrochemical relithiation step: a galvanostatic reduction until a cut-off, then a rinse.</summary>
public sealed class CellPlan(string profileHash, TimeSpan maxDuration) : CommandPlan("lco_electrochemical", "LCO", profileHash,
    new CommandStep(0, "electrochemical -10mA cutoff -0.8V", new SourceLocation("lco.recipe", 4, 3),
        new ChargeCommand(Vessel.Cell, "LCO", Mass.Grams(1)),
        new ApplyCurrentCommand(Vessel.Cell, Current.Milliamperes(-10), Potential.Volts(-0.8), maxDuration)),
    new CommandStep(1, "wash water", new SourceLocation("lco.recipe", 5, 3),
        new WashCommand(Vessel.Cell, "water", Volume.Millilitres(50), 2)));
