using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Plans;

/// <summary>
/// A four-step plan written the way the compiler emits one: a straight sequence of awaited verbs
/// inside context.StepAsync calls. The numbers are parameters so that tests can push one past a limit.
/// </summary>
public sealed class RegenerationPlan(string profileHash, double hydrothermalC = 220, double annealC = 850) : IStepPlan
{
    public const string File = "ncm523.recipe";

    public string Name => "ncm523_hydrothermal";

    public string Material => "NCM523";

    public string ProfileHash => profileHash;

    public IReadOnlyList<PlannedStep> Steps { get; } =
    [
        new(0, $"hydrothermal 4M LiOH {hydrothermalC}C 3h", new SourceLocation(File, 5, 3)),
        new(1, "wash water, dry 80C 12h vacuum", new SourceLocation(File, 6, 8)),
        new(2, $"anneal {annealC}C 20h O2", new SourceLocation(File, 7, 8)),
        new(3, "coat Li3PO4 2 wt%", new SourceLocation(File, 8, 8)),
    ];

    public async Task RunAsync(IProcessController c, IStepContext context, CancellationToken cancellationToken)
    {
        await context.StepAsync(0, async ct =>
        {
            await c.ChargeSolutionAsync(Vessel.Autoclave, "LiOH", Concentration.Molar(4), Volume.Millilitres(200), ct);
            await c.ChargeAsync(Vessel.Autoclave, "NCM523", Mass.Grams(50), ct);
            await c.SealAsync(Vessel.Autoclave, ct);
            await c.RampAsync(Vessel.Autoclave, Temperature.Celsius(hydrothermalC), TemperatureRate.CelsiusPerMinute(5), ct);
            await c.HoldAsync(Vessel.Autoclave, TimeSpan.FromHours(3), ct);
            await c.CoolAsync(Vessel.Autoclave, Temperature.Celsius(60), ct);
            await c.VentAsync(Vessel.Autoclave, ct);
        }, cancellationToken);
        await context.StepAsync(1, async ct =>
        {
            await c.TransferAsync(Vessel.Autoclave, Vessel.Mixer, ct);
            await c.WashAsync(Vessel.Mixer, "water", Volume.Millilitres(500), 3, ct);
            await c.TransferAsync(Vessel.Mixer, Vessel.Dryer, ct);
            await c.DryAsync(Vessel.Dryer, Temperature.Celsius(80), TimeSpan.FromHours(12), vacuum: true, ct);
        }, cancellationToken);
        await context.StepAsync(2, async ct =>
        {
            await c.TransferAsync(Vessel.Dryer, Vessel.Furnace, ct);
            await c.SetAtmosphereAsync(Vessel.Furnace, Gas.Oxygen, GasFlow.LitresPerMinute(0.5), ct);
            await c.RampAsync(Vessel.Furnace, Temperature.Celsius(annealC), TemperatureRate.CelsiusPerMinute(5), ct);
            await c.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(20), ct);
            await c.CoolAsync(Vessel.Furnace, Temperature.Celsius(100), ct);
        }, cancellationToken);
        await context.StepAsync(3, async ct =>
        {
            await c.TransferAsync(Vessel.Furnace, Vessel.Mixer, ct);
            await c.ChargeAsync(Vessel.Mixer, "Li3PO4", Mass.Grams(1), ct);
            await c.StirAsync(Vessel.Mixer, StirSpeed.Rpm(300), TimeSpan.FromMinutes(30), ct);
        }, cancellationToken);
    }
}
