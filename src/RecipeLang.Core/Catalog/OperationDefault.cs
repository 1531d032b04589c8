using System.Globalization;
using RecipeLang.Units;

namespace RecipeLang.Catalog;

/// <summary>
/// A value the compiler's lowering uses for an operation when the recipe leaves it open (the hold time of an
/// anneal, the ramp of an autoclave), in <see cref="Unit"/> (a <see cref="UnitTable"/> spelling, empty for a
/// plain ratio), with where it comes from: a literature source, or the words "engineering default" when the
/// literature gives none.
/// </summary>
public sealed record OperationDefault(double Value, string Unit, string Source)
{
    /// <summary>The value as a quantity, or null for a plain ratio or an unknown unit spelling.</summary>
    public Quantity? ToQuantity() => UnitTable.TryLookup(Unit, out var unit) ? new Quantity(Value, unit) : null;

    /// <summary>Assumption text: <c>6 h</c>.</summary>
    public string Format()
    {
        var number = Value.ToString("0.####", CultureInfo.InvariantCulture);
        var symbol = UnitTable.TryLookup(Unit, out var unit) ? unit.Symbol : Unit;
        return symbol.Length == 0 || symbol.StartsWith('%') ? number + symbol : $"{number} {symbol}";
    }
}

/// <summary>The gas a furnace step runs under when the recipe names none, with its source.</summary>
public sealed record DefaultAtmosphere(string Name, string Source);

/// <summary>The reagent an optional reagent parameter stands for when the recipe names none (the solvent of <c>separate</c>), with its source.</summary>
public sealed record DefaultReagent(string Name, string Source);
