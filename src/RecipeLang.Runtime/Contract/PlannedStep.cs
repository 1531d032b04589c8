namespace RecipeLang.Runtime;

/// <summary>One step of a plan as the operator sees it before and during a run.</summary>
public sealed record PlannedStep(int Index, string Description, SourceLocation Location)
{
    public override string ToString() => $"step {Index + 1} '{Description}' ({Location})";
}
