namespace RecipeLang.Compiler.Lowering;

/// <summary>
/// Engineering values of the lowering that belong to the equipment rather than to an operation; the
/// literature gives none of them. A site replaces them in <c>recipelang.json</c> (<c>equipment</c>:
/// <c>gasFlowLPerMin</c>, <c>solidLiquidRatioGPerL</c>, <c>washMlPerGram</c>, <c>stirRpm</c>, <c>openBelowC</c>). Per-operation defaults (hold times, ramps, gases, amounts) are catalog
/// data with their sources (<see cref="Catalog.OperationInfo.Defaults"/>). Each use is recorded in the
/// lowered recipe's assumptions so that the procedure and the bill of materials show it.
/// </summary>
public static class LoweringDefaults
{
    /// <summary>Text every assumption that uses one of these values carries.</summary>
    public const string Source = "assumption: engineering default, not from the literature";

    /// <summary>A furnace or autoclave is opened and emptied below this temperature.</summary>
    public const double SafeOpenC = 50;

    public const double GasFlowLPerMin = 0.5;

    /// <summary>Solids loading of a wet step when neither the recipe (volume) nor the site profile gives one.</summary>
    public const double SolidLiquidGPerL = 50;

    /// <summary>The batch when a recipe declares none (a one-line recipe).</summary>
    public const double BatchGrams = 10;

    public const double WashVolumePerGramMl = 10;

    public const double StirRpm = 300;
}
