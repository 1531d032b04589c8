using System.Collections.Immutable;
using System.Globalization;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>The controller verbs a lowered step is made of; one per method of <see cref="IProcessController"/> a plan may call.</summary>
public enum VerbKind
{
    Charge,
    ChargeSolution,
    SetAtmosphere,
    Ramp,
    Hold,
    Cool,
    Seal,
    Vent,
    Purge,
    ApplyCurrent,
    ApplyPotential,
    Stir,
    Sonicate,
    Wash,
    Dry,
    Transfer,
}

/// <summary>What a verb argument is; each kind becomes one typed runtime value in the emitted code.</summary>
public enum ArgumentKind
{
    Text,
    Temperature,
    TemperatureRate,
    Duration,
    Mass,
    Concentration,
    Volume,
    Gas,
    GasFlow,
    Current,
    Potential,
    StirSpeed,
    Count,
    Flag,
    Vessel,
}

/// <summary>One verb argument in the runtime's fixed unit (°C, °C/min, s, g, mol/L, mL, L/min, mA, V, rpm).</summary>
public sealed record VerbArgument(ArgumentKind Kind, double Number, string? Text = null)
{
    public static VerbArgument OfText(string text) => new(ArgumentKind.Text, 0, text);

    public static VerbArgument OfGas(string gas) => new(ArgumentKind.Gas, 0, gas);

    public static VerbArgument OfVessel(Vessel vessel) => new(ArgumentKind.Vessel, 0, vessel.ToString());

    public static VerbArgument OfFlag(bool on) => new(ArgumentKind.Flag, on ? 1 : 0);

    public override string ToString() => Kind switch
    {
        ArgumentKind.Text or ArgumentKind.Gas or ArgumentKind.Vessel => Text!,
        ArgumentKind.Temperature => $"{N(Number)} °C",
        ArgumentKind.TemperatureRate => $"{N(Number)} °C/min",
        ArgumentKind.Duration => QuantityFormat.Format(TimeSpan.FromSeconds(Number)),
        ArgumentKind.Mass => $"{N(Number)} g",
        ArgumentKind.Concentration => $"{N(Number)} M",
        ArgumentKind.Volume => $"{N(Number)} mL",
        ArgumentKind.GasFlow => $"{N(Number)} L/min",
        ArgumentKind.Current => $"{N(Number)} mA",
        ArgumentKind.Potential => $"{N(Number)} V",
        ArgumentKind.StirSpeed => $"{N(Number)} rpm",
        ArgumentKind.Count => $"x{N(Number)}",
        ArgumentKind.Flag => Number != 0 ? "yes" : "no",
        _ => throw new InvalidOperationException($"Unknown argument kind {Kind}."),
    };

    private static string N(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>One controller call: verb, vessel and arguments in the order the controller method takes them.</summary>
public sealed record Verb(VerbKind Kind, Vessel Vessel, ImmutableArray<VerbArgument> Arguments)
{
    public override string ToString() =>
        Arguments.IsEmpty ? $"{Kind} {Vessel}" : $"{Kind} {Vessel}: {string.Join(", ", Arguments)}";
}
