namespace RecipeLang.Catalog;

/// <summary>An operation repairs <see cref="Defect"/> when <see cref="When"/> holds for the step.</summary>
/// <param name="Note">Why, in a few words (shown in the coverage report).</param>
public sealed record RepairInfo(string Defect, RepairCondition When, string? Note);
