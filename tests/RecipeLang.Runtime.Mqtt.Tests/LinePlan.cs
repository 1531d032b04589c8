using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Mqtt.Tests;

/// <summary>
/// A short plan over three units, written as the compiler emits one: an anneal in the furnace (about 2 h of
/// plant time), a stir in the mixer, a galvanostatic step in the cell that ends at its cut-off.
/// </summary>
public sealed class LinePlan(string profileHash, double annealC = 400) : IStepPlan
{
    public const string File = "line.recipe";

    public string Name => "line_test";

    public string Material => "NCM523";

    public string ProfileHash => profileHash;

    public IReadOnlyList<PlannedStep> Steps { get; } =
    [
        new(0, $"anneal {annealC}C 1h O2", new SourceLocation(File, 3, 3)),
        new(1, "mix 300rpm 10min", new SourceLocation(File, 4, 3)),
        new(2, "electrochemical -50mA cutoff -0.8V", new SourceLocation(File, 5, 3)),
    ];

    public async Task RunAsync(IProcessController c, IStepContext context, CancellationToken cancellationToken)
    {
        await context.StepAsync(0, async ct =>
        {
            await c.ChargeAsync(Vessel.Furnace, "NCM523", Mass.Grams(50), ct);
            await c.SetAtmosphereAsync(Vessel.Furnace, Gas.Oxygen, GasFlow.LitresPerMinute(0.5), ct);
            await c.RampAsync(Vessel.Furnace, Temperature.Celsius(annealC), TemperatureRate.CelsiusPerMinute(20), ct);
            await c.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(1), ct);
            await c.CoolAsync(Vessel.Furnace, Temperature.Celsius(100), ct);
        }, cancellationToken);
        await context.StepAsync(1, async ct =>
        {
            await c.TransferAsync(Vessel.Furnace, Vessel.Mixer, ct);
            await c.StirAsync(Vessel.Mixer, StirSpeed.Rpm(300), TimeSpan.FromMinutes(10), ct);
        }, cancellationToken);
        await context.StepAsync(2, async ct =>
        {
            await c.TransferAsync(Vessel.Mixer, Vessel.Cell, ct);
            await c.ApplyCurrentAsync(Vessel.Cell, Current.Milliamperes(-50), Potential.Volts(-0.8), TimeSpan.FromHours(48), ct);
        }, cancellationToken);
    }
}
