namespace RecipeLang.Runtime;

/// One step of a plan as the operator sees it before and during a run.
public sealed record PlannedStep(int Index, string Description, SourceLocation Location)
{
    public override string ToString() => $"step {Index + 1} '{Description}' ({Location})";
}
