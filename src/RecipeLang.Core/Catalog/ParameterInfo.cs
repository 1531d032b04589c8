using RecipeLang.Units;

namespace RecipeLang.Catalog;

/// <summary>
/// One parameter of an operation. Positional arguments bind by <see cref="Kind"/> and <see cref="Dimension"/>
/// (<c>220C</c> goes to the temperature); <see cref="Keyword"/> parameters are written <c>name value</c>
/// (<c>ramp 5C/min</c>); <see cref="ParameterKind.Flag"/> parameters are the bare name.
/// </summary>
/// <param name="Typical">The usual literature window: outside it is a warning.</param>
/// <param name="Hard">Physically or practically impossible outside: an error.</param>
public sealed record ParameterInfo(
    string Name,
    ParameterKind Kind,
    Dimension? Dimension,
    bool Required,
    bool Keyword,
    Range? Typical,
    Range? Hard,
    IReadOnlyList<string>? Choices,
    string Doc)
{
    /// <summary>
    /// Parameters sharing a group are alternatives: the step needs at least one of them (electrochemical
    /// <c>current</c> or <c>c_rate</c>). Members of a group have <see cref="Required"/> false.
    /// </summary>
    public string? RequiredGroup { get; init; }

    /// <summary>
    /// Beyond the usual window, where the literature names a harm (etching over 2 h leaches transition metals):
    /// a value outside this range gets the usual-range warning with <see cref="BeyondEffect"/> added.
    /// </summary>
    public Range? Beyond { get; init; }

    /// <summary>
    /// The compiler sizes the step's charge from this value per mole of the recipe's material (a dopant's mol%, a
    /// lithium excess over the deficiency), so the recipe must name a catalogued material unless another member of
    /// the parameter's <see cref="RequiredGroup"/> (a mass) is given instead.
    /// </summary>
    public bool SizedByMaterial { get; init; }

    /// <summary>
    /// The reagent given here is the step's lithium source (a solid-state mix, the compiler sizes it by its lithium):
    /// a reagent with no lithium in its formula is an error.
    /// </summary>
    public bool LithiumSource { get; init; }

    /// <summary>What happens outside <see cref="Beyond"/>, as a clause: "transition metals leach".</summary>
    public string? BeyondEffect { get; init; }

    /// <summary>The usual-range warning's extra clause for a value outside <see cref="Beyond"/>, or "".</summary>
    public string BeyondClause(Units.Quantity quantity) =>
        Beyond is { } beyond && beyond.Contains(quantity) == false ? $"; beyond {beyond.Format()} {BeyondEffect} ({beyond.Source})" : "";
}
