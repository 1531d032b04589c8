namespace RecipeLang.Compiler.Lowering;

/// <summary>
/// Values the lowering uses when a recipe leaves them open. Each use is recorded in the lowered recipe's
/// assumptions so that the procedure and the bill of materials show it.
/// </summary>
public static class LoweringDefaults
{
    /// <summary>process-rules.md: ramp 1–10 °C/min is usual; 5 is the middle of that window.</summary>
    public const double RampCPerMin = 5;

    /// <summary>A furnace or autoclave is opened and emptied below this temperature.</summary>
    public const double SafeOpenC = 50;

    public const double GasFlowLPerMin = 0.5;

    /// <summary>Solids loading of a wet step when neither the recipe (volume) nor the site profile gives one.</summary>
    public const double SolidLiquidGPerL = 50;

    /// <summary>The batch when a recipe declares none (a one-line recipe).</summary>
    public const double BatchGrams = 10;

    public const double WashVolumePerGramMl = 10;

    public const double StirRpm = 300;

    /// <summary>Hold times per operation when the step gives none (process-rules.md usual windows).</summary>
    public static IReadOnlyDictionary<string, double> HoldHours { get; } = new Dictionary<string, double>
    {
        ["hydrothermal"] = 6,
        ["molten_salt"] = 4,
        ["anneal"] = 4,
        ["pyrolyze"] = 2,
        ["dry"] = 12,
        ["etch"] = 0.5,
        ["separate"] = 1,
        ["grind"] = 0.5,
        ["electrochemical"] = 6,
        ["coat"] = 1,
        ["solid_state"] = 0.5,
        ["dope"] = 0.5,
        ["electrode"] = 0.5,
        ["wash"] = 0.25,
    };
}
