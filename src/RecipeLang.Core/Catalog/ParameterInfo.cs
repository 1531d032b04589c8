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
}
