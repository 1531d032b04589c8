
namespace RecipeLang.Units;

/// <summary>
/// Every unit a recipe may write, in one flat table.
/// </summary>
/// <remarks>
/// Why not UnitsNet: recipes need chemistry units it lacks or scatters (molarity M, wt%, mol%, mAh/g,
/// the C-rate, mA/g), the set-point/difference split must follow our own rules (<c>C</c> is a set-point,
/// a difference or a C-rate depending on the parameter), and a single frozen table keyed by spelling
/// keeps the linter's hot path free of allocations (span lookups, no parsing of unit strings).
///
/// Base units (the <see cref="Si"/> unit of each dimension, <c>value * Scale + Offset</c>):
/// temperature and its difference K; rate K/s; time s; concentration mol/L (not mol/m³: the catalog's
/// solubilities and ranges are molar, so base values read directly); mass, molar and plain fractions
/// 0..1; pressure Pa; mass kg; volume m³; length m; current A; specific current A/kg (= mA/g);
/// C-rate 1 C (a full charge in one hour); voltage V; specific capacity C/kg; rotation 1/s;
/// mass concentration kg/m³ (= g/L); count and plain numbers 1.
/// </remarks>
public static class UnitTable
{
    private const double Hour = 3600;

    // Dimension's base unit first; Featured units are the ones a hover lists side by side.
    private static readonly Entry[] Entries =
    [
        new(new("K", Dimension.Temperature, 1, 0), Featured: true, "K"),
        new(new("C", Dimension.Temperature, 1, 273.15) { Symbol = "°C" }, Featured: true, "C", "°C", "degC", "℃"),

        new(new("K", Dimension.TemperatureDelta, 1, 0), Featured: true, "K"),
        new(new("C", Dimension.TemperatureDelta, 1, 0) { Symbol = "°C" }, Featured: true, "C", "°C", "degC", "℃"),

        new(new("K/s", Dimension.TemperatureRate, 1, 0), Featured: false, "K/s"),
        new(new("C/min", Dimension.TemperatureRate, 1 / 60.0, 0) { Symbol = "°C/min" }, Featured: true, "C/min", "°C/min", "degC/min"),
        new(new("K/min", Dimension.TemperatureRate, 1 / 60.0, 0), Featured: false, "K/min"),
        new(new("C/h", Dimension.TemperatureRate, 1 / Hour, 0) { Symbol = "°C/h" }, Featured: true, "C/h", "°C/h", "degC/h"),
        new(new("K/h", Dimension.TemperatureRate, 1 / Hour, 0), Featured: false, "K/h"),
        new(new("C/s", Dimension.TemperatureRate, 1, 0) { Symbol = "°C/s" }, Featured: false, "C/s", "°C/s"),

        new(new("s", Dimension.Time, 1, 0), Featured: true, "s", "sec"),
        new(new("min", Dimension.Time, 60, 0), Featured: true, "min"),
        new(new("h", Dimension.Time, Hour, 0), Featured: true, "h", "hr"),
        new(new("d", Dimension.Time, 24 * Hour, 0), Featured: false, "d", "day"),

        new(new("M", Dimension.Concentration, 1, 0), Featured: true, "M", "mol/L", "mol/l"),
        new(new("mM", Dimension.Concentration, 1e-3, 0), Featured: true, "mM", "mmol/L", "mmol/l"),

        // Fractions have no written base unit: their base values are plain fractions 0..1.
        new(new("", Dimension.MassFraction, 1, 0), Featured: false),
        new(new("", Dimension.MolarFraction, 1, 0), Featured: false),
        new(new("", Dimension.Percent, 1, 0), Featured: false),
        new(new("wt%", Dimension.MassFraction, 0.01, 0), Featured: true, "wt%"),
        new(new("mol%", Dimension.MolarFraction, 0.01, 0), Featured: true, "mol%", "at%"),
        new(new("%", Dimension.Percent, 0.01, 0), Featured: true, "%"),

        new(new("Pa", Dimension.Pressure, 1, 0), Featured: false, "Pa"),
        new(new("kPa", Dimension.Pressure, 1e3, 0), Featured: false, "kPa"),
        new(new("MPa", Dimension.Pressure, 1e6, 0), Featured: true, "MPa"),
        new(new("bar", Dimension.Pressure, 1e5, 0), Featured: true, "bar"),
        new(new("mbar", Dimension.Pressure, 100, 0), Featured: false, "mbar"),
        new(new("atm", Dimension.Pressure, 101_325, 0), Featured: true, "atm"),
        new(new("psi", Dimension.Pressure, 6_894.757, 0), Featured: false, "psi"),

        new(new("kg", Dimension.Mass, 1, 0), Featured: true, "kg"),
        new(new("g", Dimension.Mass, 1e-3, 0), Featured: true, "g"),
        new(new("mg", Dimension.Mass, 1e-6, 0), Featured: true, "mg"),

        new(new("m3", Dimension.Volume, 1, 0) { Symbol = "m³" }, Featured: false, "m3", "m³"),
        new(new("L", Dimension.Volume, 1e-3, 0), Featured: true, "L", "l"),
        new(new("mL", Dimension.Volume, 1e-6, 0), Featured: true, "mL", "ml"),
        new(new("uL", Dimension.Volume, 1e-9, 0) { Symbol = "µL" }, Featured: false, "uL", "µL", "μL"),

        new(new("m", Dimension.Length, 1, 0), Featured: false, "m"),
        new(new("cm", Dimension.Length, 1e-2, 0), Featured: false, "cm"),
        new(new("mm", Dimension.Length, 1e-3, 0), Featured: false, "mm"),
        new(new("um", Dimension.Length, 1e-6, 0) { Symbol = "µm" }, Featured: true, "um", "µm", "μm"),
        new(new("nm", Dimension.Length, 1e-9, 0), Featured: true, "nm"),

        new(new("A", Dimension.Current, 1, 0), Featured: true, "A"),
        new(new("mA", Dimension.Current, 1e-3, 0), Featured: true, "mA"),
        new(new("uA", Dimension.Current, 1e-6, 0) { Symbol = "µA" }, Featured: false, "uA", "µA", "μA"),

        new(new("A/kg", Dimension.SpecificCurrent, 1, 0), Featured: false, "A/kg"),
        new(new("mA/g", Dimension.SpecificCurrent, 1, 0), Featured: true, "mA/g"),
        new(new("A/g", Dimension.SpecificCurrent, 1e3, 0), Featured: true, "A/g"),

        new(new("C", Dimension.CRate, 1, 0), Featured: true, "C"),

        new(new("V", Dimension.Voltage, 1, 0), Featured: true, "V"),
        new(new("mV", Dimension.Voltage, 1e-3, 0), Featured: true, "mV"),

        new(new("C/kg", Dimension.SpecificCapacity, 1, 0), Featured: false, "C/kg"),
        new(new("mAh/g", Dimension.SpecificCapacity, 3.6e3, 0), Featured: true, "mAh/g", "Ah/kg"),
        new(new("Ah/g", Dimension.SpecificCapacity, 3.6e6, 0), Featured: false, "Ah/g"),

        new(new("1/s", Dimension.RotationRate, 1, 0), Featured: false, "1/s"),
        new(new("rpm", Dimension.RotationRate, 1 / 60.0, 0), Featured: true, "rpm"),

        new(new("kg/m3", Dimension.MassConcentration, 1, 0) { Symbol = "kg/m³" }, Featured: false, "kg/m3", "kg/m³"),
        new(new("g/L", Dimension.MassConcentration, 1, 0), Featured: true, "g/L", "g/l", "mg/mL", "mg/ml"),
        new(new("mg/L", Dimension.MassConcentration, 1e-3, 0), Featured: false, "mg/L", "mg/l"),
        new(new("g/mL", Dimension.MassConcentration, 1e3, 0), Featured: false, "g/mL", "g/ml"),

        // Plain numbers and counts have an empty unit: `x3` and `3` are syntax, not units.
        new(new("", Dimension.Count, 1, 0), Featured: true),
        new(new("", Dimension.Dimensionless, 1, 0), Featured: true),
    ];

    // Spelling -> units it can mean, the plain-lookup meaning first (C: Celsius, then difference, then C-rate).
    // Plain dictionaries and arrays, not frozen ones: building a frozen dictionary costs more at start-up than its
    // faster look-ups win back in a short command (docs/benchmarks.md).
    private static readonly Dictionary<string, Unit[]> BySpelling = GroupBySpelling();

    private static readonly Dictionary<string, Unit[]>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        BySpelling.GetAlternateLookup<ReadOnlySpan<char>>();

    // Indexed by dimension.
    private static readonly Unit[][] ByDimension = GroupByDimension(featuredOnly: false);

    private static readonly Unit[][] FeaturedByDimension = GroupByDimension(featuredOnly: true);

    /// <summary>Every spelling a recipe may write after a number, case-sensitive (mM is not MM).</summary>
    public static IReadOnlyCollection<string> Spellings => BySpelling.Keys;

    /// <summary>The plain meaning of a spelling: <c>C</c> is degrees Celsius.</summary>
    public static bool TryLookup(string spelling, out Unit unit) => TryLookup(spelling.AsSpan(), out unit);

    public static bool TryLookup(ReadOnlySpan<char> spelling, out Unit unit)
    {
        if (BySpan.TryGetValue(spelling, out var units))
        {
            unit = units[0];
            return true;
        }
        unit = null!;
        return false;
    }

    /// <summary>
    /// The meaning of a spelling where a parameter expects <paramref name="preferred"/>: <c>C</c> is a
    /// C-rate for a current parameter and a difference for a temperature-difference one. Falls back to the
    /// plain meaning when the spelling has none of that dimension (the checker then reports the mismatch).
    /// </summary>
    public static bool TryLookup(string spelling, Dimension preferred, out Unit unit) =>
        TryLookup(spelling.AsSpan(), preferred, out unit);

    public static bool TryLookup(ReadOnlySpan<char> spelling, Dimension preferred, out Unit unit)
    {
        if (!BySpan.TryGetValue(spelling, out var units))
        {
            unit = null!;
            return false;
        }
        foreach (var candidate in units)
        {
            if (candidate.Dimension == preferred)
            {
                unit = candidate;
                return true;
            }
        }
        unit = units[0];
        return true;
    }

    /// <summary>The base unit of a dimension (see the remarks on <see cref="UnitTable"/>).</summary>
    public static Unit Si(Dimension dimension) => ByDimension[(int)dimension][0];

    /// <summary>All units of a dimension, base unit first.</summary>
    public static IEnumerable<Unit> For(Dimension dimension) => ByDimension[(int)dimension];

    /// <summary>The few units a hover shows side by side for a dimension.</summary>
    public static IReadOnlyList<Unit> Featured(Dimension dimension) => FeaturedByDimension[(int)dimension];

    // Loops rather than LINQ over tuples, which would be JIT-compiled at start-up.
    private static Dictionary<string, Unit[]> GroupBySpelling()
    {
        var groups = new Dictionary<string, List<Unit>>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var spelling in entry.Spellings)
            {
                if (!groups.TryGetValue(spelling, out var units))
                {
                    groups.Add(spelling, units = []);
                }
                units.Add(entry.Unit);
            }
        }
        var table = new Dictionary<string, Unit[]>(groups.Count, StringComparer.Ordinal);
        foreach (var (spelling, units) in groups)
        {
            table.Add(spelling, [.. units]);
        }
        return table;
    }

    private static Unit[][] GroupByDimension(bool featuredOnly)
    {
        var groups = new List<Unit>[Enum.GetValues<Dimension>().Length];
        foreach (var entry in Entries)
        {
            if (!featuredOnly || entry.Featured)
                (groups[(int)entry.Unit.Dimension] ??= []).Add(entry.Unit);
        }
        return [.. groups.Select(g => g?.ToArray() ?? [])];
    }

    private sealed record Entry(Unit Unit, bool Featured, params string[] Spellings);
}
