namespace RecipeLang.Runtime.Execution;

/// <summary>
/// A plan that is a table of steps, each a list of controller commands: what the compiler emits. The generated class
/// only passes its data to this constructor; running it is this class's loop, so a recipe library compiles to value
/// construction (cheap for Roslyn) rather than to one async state machine per step.
/// </summary>
public abstract class CommandPlan : IStepPlan
{
    private readonly CommandStep[] _steps;

    protected CommandPlan(string name, string material, string profileHash, params CommandStep[] steps)
    {
        Name = name;
        Material = material;
        ProfileHash = profileHash;
        _steps = steps;
        Steps = Array.ConvertAll(steps, s => s.Planned);
    }

    public string Name { get; }

    public string Material { get; }

    public string ProfileHash { get; }

    public IReadOnlyList<PlannedStep> Steps { get; }

    /// <summary>No units: a plan compiled without --site.</summary>
    public static IReadOnlyDictionary<Vessel, string> Unbound { get; } = new Dictionary<Vessel, string>();

    /// <summary>The units the plan was compiled for; the generated constructor sets it when it was bound.</summary>
    public IReadOnlyDictionary<Vessel, string> Units { get; protected init; } = Unbound;

    /// <summary>The binding as the generated constructor states it: <c>BoundTo((Vessel.Furnace, "furnace-2"), ...)</c>.</summary>
    protected static IReadOnlyDictionary<Vessel, string> BoundTo(params (Vessel Vessel, string Unit)[] units) =>
        units.ToDictionary(u => u.Vessel, u => u.Unit);

    /// <summary>The commands of step <paramref name="index"/>.</summary>
    public IReadOnlyList<PlanCommand> CommandsOf(int index) => _steps[index].Commands;

    public async Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken)
    {
        foreach (var step in _steps)
        {
            await context.StepAsync(step.Planned.Index, ct => RunCommandsAsync(step.Commands, controller, ct), cancellationToken);
        }
    }

    private static async Task RunCommandsAsync(IReadOnlyList<PlanCommand> commands, IProcessController controller, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            await command.RunAsync(controller, cancellationToken);
        }
    }
}
