using System.Collections.Immutable;
using RecipeLang.Runtime;
using static RecipeLang.Compiler.Lowering.ArgumentSource;

namespace RecipeLang.Compiler.Lowering;

/// <summary>One verb of a template; <paramref name="When"/> names a flag or parameter that must be present, <paramref name="Unless"/> one that must not.</summary>
public sealed record VerbTemplate(VerbKind Kind, Vessel Vessel, ImmutableArray<ArgumentSource> Arguments, string? When = null, string? Unless = null);

/// <summary>
/// The lowering as data: for each catalogued operation, the controller verbs it becomes and where each
/// argument comes from; the values a step may leave open are the operation's catalogued defaults, with
/// their sources (operations.json <c>defaults</c>, <c>defaultAtmosphere</c>). A C# table rather than JSON
/// because every entry is then checked by the compiler (verb names, vessels, argument kinds) and a test
/// makes sure every operation of the catalog has one; adding an operation means adding a row here, never
/// a branch in the lowering code. Every verb of a template works on the batch's solids in its vessel, so
/// a template never charges the batch or moves it: the lowering does both from the vessels
/// (<see cref="LoweringContext.BringSolidsTo"/>).
/// </summary>
public static class LoweringTemplates
{
    private static readonly ArgumentSource SafeOpen = new EquipmentSetting("cooled before opening to", ArgumentKind.Temperature, p => p.OpenBelowC, LoweringDefaults.SafeOpenC);
    private static readonly ArgumentSource DefaultFlow = new EquipmentSetting("gas flow", ArgumentKind.GasFlow, p => p.GasFlowLPerMin, LoweringDefaults.GasFlowLPerMin);
    private static readonly ArgumentSource DefaultStir = new EquipmentSetting("stirred at", ArgumentKind.StirSpeed, p => p.StirRpm, LoweringDefaults.StirRpm);
    private static readonly ArgumentSource Ramp = new Parameter("ramp", ArgumentKind.TemperatureRate);
    private static readonly ArgumentSource Time = new Parameter("time", ArgumentKind.Duration);

    private static VerbTemplate V(VerbKind kind, Vessel vessel, params ArgumentSource[] arguments) => new(kind, vessel, [.. arguments]);

    /// <summary>A furnace programme: atmosphere (the operation's catalogued default gas when the step names none), ramp, hold, cool.</summary>
    private static VerbTemplate[] Furnace() =>
    [
        V(VerbKind.SetAtmosphere, Vessel.Furnace, new Atmosphere(), DefaultFlow),
        V(VerbKind.Ramp, Vessel.Furnace, new Parameter("temperature", ArgumentKind.Temperature), Ramp),
        V(VerbKind.Hold, Vessel.Furnace, Time),
        V(VerbKind.Cool, Vessel.Furnace, SafeOpen),
    ];

    public static IReadOnlyDictionary<string, ImmutableArray<VerbTemplate>> ByOperation { get; } = new Dictionary<string, ImmutableArray<VerbTemplate>>
    {
        ["hydrothermal"] =
        [
            V(VerbKind.ChargeSolution, Vessel.Autoclave, new Named("reagents"), new Parameter("concentration", ArgumentKind.Concentration), new SolutionVolume(InAutoclave: true)),
            V(VerbKind.Seal, Vessel.Autoclave),
            V(VerbKind.Ramp, Vessel.Autoclave, new Parameter("temperature", ArgumentKind.Temperature), Ramp),
            V(VerbKind.Hold, Vessel.Autoclave, Time),
            V(VerbKind.Cool, Vessel.Autoclave, SafeOpen),
            V(VerbKind.Vent, Vessel.Autoclave),
        ],
        ["molten_salt"] =
        [
            V(VerbKind.Charge, Vessel.Furnace, new Named("salts"), new FractionOfBatch("salts")),
            .. Furnace(),
        ],
        ["anneal"] = [.. Furnace()],
        ["pyrolyze"] = [.. Furnace()],
        ["electrochemical"] =
        [
            V(VerbKind.ChargeSolution, Vessel.Cell, new Named("electrolyte"), new Parameter("concentration", ArgumentKind.Concentration), new SolutionVolume()),
            V(VerbKind.ApplyCurrent, Vessel.Cell, new CellCurrent("current"), new Parameter("cutoff", ArgumentKind.Potential), Time),
        ],
        ["solid_state"] =
        [
            V(VerbKind.Charge, Vessel.Mixer, new Named("reagent"), new LithiumSourceMass("reagent")),
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time),
        ],
        ["dope"] =
        [
            V(VerbKind.Charge, Vessel.Mixer, new Named("dopants"), new DopantMass("dopants")),
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time),
        ],
        ["etch"] =
        [
            V(VerbKind.ChargeSolution, Vessel.Mixer, new Named("acid"), new Parameter("concentration", ArgumentKind.Concentration), new SolutionVolume()),
            V(VerbKind.Sonicate, Vessel.Mixer, Time) with { When = "ultrasonic" },
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time) with { Unless = "ultrasonic" },
        ],
        ["coat"] =
        [
            V(VerbKind.Charge, Vessel.Mixer, new Named("coating"), new FractionOfBatch("amount")),
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time),
            V(VerbKind.Ramp, Vessel.Furnace, new Parameter("temperature", ArgumentKind.Temperature), Ramp) with { When = "temperature" },
            V(VerbKind.Hold, Vessel.Furnace, Time) with { When = "temperature" },
            V(VerbKind.Cool, Vessel.Furnace, SafeOpen) with { When = "temperature" },
        ],
        ["wash"] =
        [
            V(VerbKind.Wash, Vessel.Mixer, new Named("liquid"), new WashVolume(), new Count("repeats")),
        ],
        ["dry"] =
        [
            V(VerbKind.Dry, Vessel.Dryer, new Parameter("temperature", ArgumentKind.Temperature), Time, new IsVacuum()),
        ],
        ["separate"] =
        [
            V(VerbKind.Wash, Vessel.Mixer, new Named("solvent"), new WashVolume(), new Constant(new VerbArgument(ArgumentKind.Count, 1))),
            V(VerbKind.Ramp, Vessel.Mixer, new Parameter("temperature", ArgumentKind.Temperature), Ramp) with { When = "temperature" },
            V(VerbKind.Sonicate, Vessel.Mixer, Time) with { When = "ultrasonic" },
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time) with { Unless = "ultrasonic" },
            V(VerbKind.Cool, Vessel.Mixer, SafeOpen) with { When = "temperature" },
        ],
        ["grind"] =
        [
            V(VerbKind.Stir, Vessel.Mixer, new Parameter("speed", ArgumentKind.StirSpeed), Time),
        ],
        ["electrode"] =
        [
            // Only what the step names is charged: `electrode binder PAA` renews the binder alone.
            V(VerbKind.Charge, Vessel.Mixer, new Named("binder"), new ElectrodeShare("binder")) with { When = "binder" },
            V(VerbKind.Charge, Vessel.Mixer, new Named("conductive"), new ElectrodeShare("conductive")) with { When = "conductive" },
            V(VerbKind.Stir, Vessel.Mixer, DefaultStir, Time),
        ],
    };
}
