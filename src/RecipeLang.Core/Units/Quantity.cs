namespace RecipeLang.Units;

/// <summary>A number with its unit, as written (<c>220C</c> keeps 220 and °C; <see cref="Si"/> is 493.15).</summary>
public readonly record struct Quantity(double Value, Unit Unit)
{
    public Dimension Dimension => Unit.Dimension;

    /// <summary>The value in the base unit of its dimension (see <see cref="UnitTable"/>).</summary>
    public double Si => Unit.ToBase(Value);

    public static Quantity FromSi(double si, Dimension dimension) => new(si, UnitTable.Si(dimension));

    public bool IsTemperatureSetPoint => Unit.Dimension == Dimension.Temperature;

    /// <summary>Converts within one dimension; a set-point goes through the offset, a difference does not.</summary>
    /// <exception cref="InvalidOperationException">The target measures another dimension.</exception>
    public Quantity ConvertTo(Unit target) =>
        TryConvertTo(target, out var result)
            ? result
            : throw new InvalidOperationException(
                $"Cannot convert {Dimension.DisplayName()} ({Unit.Canonical}) to {target.Dimension.DisplayName()} ({target.Canonical}).");

    public bool TryConvertTo(Unit target, out Quantity result)
    {
        if (target.Dimension != Unit.Dimension)
        {
            result = default;
            return false;
        }
        result = new Quantity(target.FromBase(Si), target);
        return true;
    }

    /// <summary>Converts to a unit given by spelling, taking the spelling's meaning in this dimension (C as a difference for a difference).</summary>
    public bool TryConvertTo(string spelling, out Quantity result)
    {
        if (UnitTable.TryLookup(spelling, Unit.Dimension, out var target))
            return TryConvertTo(target, out result);
        result = default;
        return false;
    }

    /// <summary>Converts to the base unit of <paramref name="dimension"/>; false when this quantity measures something else.</summary>
    public bool TryConvertTo(Dimension dimension, out Quantity result) => TryConvertTo(UnitTable.Si(dimension), out result);

    /// <summary>
    /// Sums with set-point semantics: set-point + difference is a set-point (in this unit), difference +
    /// set-point is the set-point moved, two set-points cannot be added, and other dimensions must match.
    /// </summary>
    public QuantityResult Add(Quantity other)
    {
        if (Dimension == Dimension.Temperature && other.Dimension == Dimension.Temperature)
            return QuantityResult.Fail(
                $"Cannot add two temperature set-points ({Display()} + {other.Display()}); write the second as a difference in a ramp or subtract them.");
        if (Dimension == Dimension.Temperature && other.Dimension == Dimension.TemperatureDelta)
            return QuantityResult.Ok(new Quantity(Unit.FromBase(Si + other.Si), Unit));
        if (Dimension == Dimension.TemperatureDelta && other.Dimension == Dimension.Temperature)
            return other.Add(this);
        if (Dimension != other.Dimension)
            return Mismatch("add", other);
        return QuantityResult.Ok(new Quantity(Value + other.ConvertTo(Unit).Value, Unit));
    }

    /// <summary>
    /// Differences with set-point semantics: set-point − set-point is a difference, set-point − difference
    /// a set-point; a difference minus a set-point means nothing.
    /// </summary>
    public QuantityResult Subtract(Quantity other)
    {
        if (Dimension == Dimension.Temperature && other.Dimension == Dimension.Temperature)
        {
            var delta = UnitTable.TryLookup(Unit.Canonical, Dimension.TemperatureDelta, out var d) && d.Dimension == Dimension.TemperatureDelta
                ? d
                : UnitTable.Si(Dimension.TemperatureDelta);
            return QuantityResult.Ok(new Quantity(delta.FromBase(Si - other.Si), delta));
        }
        if (Dimension == Dimension.Temperature && other.Dimension == Dimension.TemperatureDelta)
            return QuantityResult.Ok(new Quantity(Unit.FromBase(Si - other.Si), Unit));
        if (Dimension == Dimension.TemperatureDelta && other.Dimension == Dimension.Temperature)
            return QuantityResult.Fail(
                $"Cannot subtract a temperature set-point ({other.Display()}) from a difference ({Display()}).");
        if (Dimension != other.Dimension)
            return Mismatch("subtract", other);
        return QuantityResult.Ok(new Quantity(Value - other.ConvertTo(Unit).Value, Unit));
    }

    public Quantity Scale(double factor) => new(Value * factor, Unit);

    /// <summary>The canonical source text the formatter writes: <c>220C</c>, <c>5C/min</c>, <c>0.1C</c>, <c>3</c>.</summary>
    public string Format() => NumberText.Canonical(Value) + Unit.Canonical;

    /// <summary>The quantity as messages show it, like the catalog's ranges: <c>260 °C</c>, <c>1 wt%</c>, <c>4 M</c>.</summary>
    public string Display() =>
        Unit.Symbol.Length == 0 || Unit.Symbol.StartsWith('%') ? NumberText.Display(Value) + Unit.Symbol : $"{NumberText.Display(Value)} {Unit.Symbol}";

    /// <summary>A hover's view in the usual units of the dimension, largest first: <c>4 h = 240 min = 14400 s</c>.</summary>
    public string Describe()
    {
        var parts = new List<string> { Display() };
        foreach (var unit in UnitTable.Featured(Dimension).OrderByDescending(u => u.Scale))
        {
            if (unit.Canonical != Unit.Canonical)
                parts.Add(ConvertTo(unit).Display());
        }
        return string.Join(" = ", parts);
    }

    public override string ToString() => Format();

    private QuantityResult Mismatch(string verb, Quantity other) =>
        QuantityResult.Fail(
            $"Cannot {verb} {Dimension.DisplayName()} ({Display()}) and {other.Dimension.DisplayName()} ({other.Display()}).");
}
