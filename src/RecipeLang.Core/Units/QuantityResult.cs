namespace RecipeLang.Units;

/// <summary>The outcome of quantity arithmetic: a value, or a message for the user (never an exception).</summary>
public readonly record struct QuantityResult(Quantity Value, string? Error)
{
    public bool IsSuccess => Error is null;

    public static QuantityResult Ok(Quantity value) => new(value, null);

    public static QuantityResult Fail(string error) => new(default, error);
}
