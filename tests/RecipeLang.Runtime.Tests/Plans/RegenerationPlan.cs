using RecipeLang.Runtime.Execution;

namespace RecipeLang.Runtime.Tests.Plans;

/// <summary>
/// A four-step plan written the way the compiler emits one: a <see cref="CommandPlan"/> whose steps are tables of
/// controller commands. The numbers are parameters so that tests can push one past a limit.
/// </summary>
public sealed class RegenerationPlan(string profileHash, double hydrothermalC = 220, double annealC = 850) : CommandPlan("ncm523_hydrothermal", "NCM523", profileHash,
    new CommandStep(0, $"hydrothermal 4M LiOH {hydrothermalC}C 3h", new SourceLocation(File, 5, 3),
        new ChargeSolutionCommand(Vessel.Autoclave, "LiOH", Concentration.Molar(4), Volume.Millilitres(200)),
        new ChargeCommand(Vessel.Autoclave, "NCM523", Mass.Grams(50)),
        new SealCommand(Vessel.Autoclave),
        new RampCommand(Vessel.Autoclave, Temperature.Celsius(hydrothermalC), TemperatureRate.CelsiusPerMinute(5)),
        new HoldCommand(Vessel.Autoclave, TimeSpan.FromHours(3)),
        new CoolCommand(Vessel.Autoclave, Temperature.Celsius(60)),
        new VentCommand(Vessel.Autoclave)),
    new CommandStep(1, "wash water, dry 80C 12h vacuum", new SourceLocation(File, 6, 8),
        new TransferCommand(Vessel.Autoclave, Vessel.Mixer),
        new WashCommand(Vessel.Mixer, "water", Volume.Millilitres(500), 3),
        new TransferCommand(Vessel.Mixer, Vessel.Dryer),
        new DryCommand(Vessel.Dryer, Temperature.Celsius(80), TimeSpan.FromHours(12), Vacuum: true)),
    new CommandStep(2, $"anneal {annealC}C 20h O2", new SourceLocation(File, 7, 8),
        new TransferCommand(Vessel.Dryer, Vessel.Furnace),
        new SetAtmosphereCommand(Vessel.Furnace, Gas.Oxygen, GasFlow.LitresPerMinute(0.5)),
        new RampCommand(Vessel.Furnace, Temperature.Celsius(annealC), TemperatureRate.CelsiusPerMinute(5)),
        new HoldCommand(Vessel.Furnace, TimeSpan.FromHours(20)),
        new CoolCommand(Vessel.Furnace, Temperature.Celsius(100))),
    new CommandStep(3, "coat Li3PO4 2 wt%", new SourceLocation(File, 8, 8),
        new TransferCommand(Vessel.Furnace, Vessel.Mixer),
        new ChargeCommand(Vessel.Mixer, "Li3PO4", Mass.Grams(1)),
        new StirCommand(Vessel.Mixer, StirSpeed.Rpm(300), TimeSpan.FromMinutes(30))))
{
    public const string File = "ncm523.recipe";
}
