using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RecipeLang.Catalog;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Output;

/// <summary>
/// How long one vessel's heater is on over a batch and, when the site gives the heater's rated power
/// (<paramref name="SettingKey"/> in recipelang.json), the most energy it can draw in that time.
/// </summary>
public sealed record HeaterLine(Vessel Vessel, string SettingKey, double HeaterHours, double? RatedKw)
{
    /// <summary>Rated power × heater-on time: an upper bound, as a controller runs the heater below full power once at temperature.</summary>
    public double? KilowattHours => RatedKw * HeaterHours;
}

/// <summary>
/// One electrochemical run: its time and the one electrical value the recipe fixes; the other (the cell
/// voltage under a set current, or the current under a set potential) depends on the cell.
/// </summary>
/// <param name="Milliamperes">The set current of a galvanostatic run, else null.</param>
/// <param name="Volts">The set potential of a potentiostatic run, or the cut-off of a galvanostatic one.</param>
public sealed record CellRunLine(double Hours, double? Milliamperes, double Volts);

/// <summary>
/// The energy part of a bill of materials, from the same lowered verbs: heater-on time per heated
/// vessel (ramps at their rate and everything timed until the vessel is cooled, a dryer for its drying
/// time) times the site's rated heater power, and what is known of each electrochemical run.
/// </summary>
public sealed record EnergyEstimate(ImmutableArray<HeaterLine> Heaters, ImmutableArray<CellRunLine> CellRuns)
{
    private const double AmbientC = 25;

    /// <summary>The sum over the heaters with a rated power; null when none has one.</summary>
    public double? TotalKilowattHours =>
        Heaters.Any(h => h.KilowattHours is not null) ? Heaters.Sum(h => h.KilowattHours ?? 0) : null;

    public static EnergyEstimate Create(LoweredRecipe recipe, EquipmentProfile profile)
    {
        var temperature = new Dictionary<Vessel, double>();
        var heaterOn = new HashSet<Vessel>();
        var minutes = new Dictionary<Vessel, double>();
        var cellRuns = new List<CellRunLine>();

        // The plan runs its verbs one after another, so a heater left on counts every timed verb until its vessel is cooled.
        void Elapse(double verbMinutes)
        {
            foreach (var vessel in heaterOn)
                minutes[vessel] = minutes.GetValueOrDefault(vessel) + verbMinutes;
        }

        foreach (var verb in recipe.Steps.SelectMany(s => s.Verbs))
        {
            var a = verb.Arguments;
            switch (verb.Kind)
            {
                case VerbKind.Ramp:
                    heaterOn.Add(verb.Vessel);
                    Elapse(Math.Abs(a[0].Number - temperature.GetValueOrDefault(verb.Vessel, AmbientC)) / a[1].Number);
                    temperature[verb.Vessel] = a[0].Number;
                    break;
                case VerbKind.Cool:
                    heaterOn.Remove(verb.Vessel);
                    // The vessel may sit and cool further before its next use: heating again is counted from ambient.
                    temperature[verb.Vessel] = AmbientC;
                    break;
                case VerbKind.Dry:
                    heaterOn.Add(verb.Vessel);
                    Elapse(a[1].Number / 60);
                    heaterOn.Remove(verb.Vessel);
                    break;
                case VerbKind.Hold or VerbKind.Sonicate:
                    Elapse(a[0].Number / 60);
                    break;
                case VerbKind.Stir:
                    Elapse(a[1].Number / 60);
                    break;
                case VerbKind.ApplyCurrent:
                    Elapse(a[2].Number / 60);
                    cellRuns.Add(new CellRunLine(a[2].Number / 3600, a[0].Number, a[1].Number));
                    break;
                case VerbKind.ApplyPotential:
                    Elapse(a[1].Number / 60);
                    cellRuns.Add(new CellRunLine(a[1].Number / 3600, null, a[0].Number));
                    break;
            }
        }
        var heaters = minutes.OrderBy(m => m.Key).Select(m =>
        {
            var (key, kw) = Rating(m.Key, profile);
            return new HeaterLine(m.Key, key, m.Value / 60, kw);
        });
        return new EnergyEstimate([.. heaters], [.. cellRuns]);
    }

    private static (string Key, double? Kw) Rating(Vessel vessel, EquipmentProfile profile) => vessel switch
    {
        Vessel.Furnace => ("furnaceHeaterKw", profile.FurnaceHeaterKw),
        Vessel.Autoclave => ("autoclaveHeaterKw", profile.AutoclaveHeaterKw),
        Vessel.Dryer => ("dryerHeaterKw", profile.DryerHeaterKw),
        Vessel.Mixer => ("mixerHeaterKw", profile.MixerHeaterKw),
        _ => throw new InvalidOperationException($"The lowering heats the {vessel}, which has no heater setting."),
    };

    public void AppendTo(StringBuilder text)
    {
        foreach (var h in Heaters)
        {
            var vessel = h.Vessel.ToString().ToLowerInvariant();
            text.AppendLine(h.KilowattHours is { } kwh
                ? Invariant($"  energy    {vessel,-22} {kwh,10:0.##} kWh at most ({h.RatedKw:0.###} kW × {h.HeaterHours:0.##} h heater on)")
                : Invariant($"  energy    {vessel,-22} heater on {h.HeaterHours:0.##} h; set equipment.{h.SettingKey} (rated kW) in recipelang.json to estimate its energy"));
        }
        if (TotalKilowattHours is { } total)
        {
            var unrated = Heaters.Where(h => h.RatedKw is null).Select(h => h.Vessel.ToString().ToLowerInvariant()).ToList();
            var rated = string.Join(" + ", Heaters.Where(h => h.RatedKw is not null).Select(h => h.Vessel.ToString().ToLowerInvariant()));
            var left = unrated.Count == 0 ? "" : $"; without the {string.Join(", ", unrated)}";
            text.AppendLine(Invariant($"  energy    {"heaters total",-22} {total,10:0.##} kWh at most ({rated}{left})"));
        }
        foreach (var run in CellRuns)
        {
            text.AppendLine(run.Milliamperes is { } mA
                ? Invariant($"  energy    {"cell",-22} not estimated: {mA:0.###} mA for at most {run.Hours:0.##} h ({Math.Abs(mA) * run.Hours:0.##} mAh) is known, the cell voltage is not ({run.Volts:0.###} V is only the cut-off)")
                : Invariant($"  energy    {"cell",-22} not estimated: {run.Volts:0.###} V for {run.Hours:0.##} h is known, the current it draws is not"));
        }
        if (Heaters.IsEmpty && CellRuns.IsEmpty)
        {
            text.AppendLine("  energy    none: no step heats a vessel or runs the cell");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
