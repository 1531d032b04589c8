using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Plans;

/// <summary>One electrochemical relithiation step: a galvanostatic reduction until a cut-off, then a rinse.</summary>
public sealed class CellPlan(string profileHash, TimeSpan maxDuration) : IStepPlan
{
    public string Name => "lco_electrochemical";

    public string Material => "LCO";

    public string ProfileHash => profileHash;

    public IReadOnlyList<PlannedStep> Steps { get; } =
    [
        new(0, "electrochemical -10mA cutoff -0.8V", new SourceLocation("lco.recipe", 4, 3)),
        new(1, "wash water", new SourceLocation("lco.recipe", 5, 3)),
    ];

    public async Task RunAsync(IProcessController c, IStepContext context, CancellationToken cancellationToken)
    {
        await context.StepAsync(0, async ct =>
        {
            await c.ChargeAsync(Vessel.Cell, "LCO", Mass.Grams(1), ct);
            await c.ApplyCurrentAsync(Vessel.Cell, Current.Milliamperes(-10), Potential.Volts(-0.8), maxDuration, ct);
        }, cancellationToken);
        await context.StepAsync(1, ct => c.WashAsync(Vessel.Cell, "water", Volume.Millilitres(50), 2, ct), cancellationToken);
    }
}
