namespace RecipeLang.Runtime;

/// <summary>One step of a compiled plan: what the operator and the journal see of it, and the controller calls it makes, in order.</summary>
public sealed class CommandStep(int index, string description, SourceLocation location, params PlanCommand[] commands)
{
    public PlannedStep Planned { get; } = new(index, description, location);

    public IReadOnlyList<PlanCommand> Commands { get; } = commands;
}
