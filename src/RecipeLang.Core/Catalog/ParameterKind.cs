namespace RecipeLang.Catalog;

/// <summary>What a step argument is; positional arguments bind to the parameter of their kind (and dimension).</summary>
public enum ParameterKind
{
    /// <summary>A number with a unit of <see cref="ParameterInfo.Dimension"/>.</summary>
    Quantity,
    /// <summary>One reagent (name or formula).</summary>
    Reagent,
    /// <summary>One or more reagents (<c>LiOH</c>, <c>LiOH LiNO3</c>).</summary>
    Reagents,
    /// <summary>A salt mixture written with '-': <c>LiOH-LiNO3</c>.</summary>
    Mixture,
    Atmosphere,
    Coating,
    /// <summary>Element symbols each followed by its amount: <c>Al 1mol% Cu 0.5mol%</c>.</summary>
    DopantAmounts,
    /// <summary>A repeat count: <c>x3</c>.</summary>
    Count,
    /// <summary>A bare word that switches something on: <c>ultrasonic</c>.</summary>
    Flag,
    /// <summary>One word from <see cref="ParameterInfo.Choices"/>.</summary>
    Choice,
    /// <summary>Free text such as a ratio <c>4:6</c>.</summary>
    Text,
    Binder,
    Conductive,
}
