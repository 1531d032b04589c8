namespace RecipeLang.Binding;

/// <summary>
/// The defects that sequence rules single out by name (process-rules.md "Sequence"); every other defect is
/// handled generically through the catalog's repair table.
/// </summary>
public static class DefectNames
{
    public const string LithiumLoss = "lithium_loss";
    public const string CationMixing = "cation_mixing";
}
