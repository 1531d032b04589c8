namespace RecipeLang.Runtime;

/// <summary>
/// A compiled recipe. Generated code derives from Execution.CommandPlan and only states its steps as data:
/// <code>
///     public sealed class Ncm523Plan : CommandPlan
///     {
///         public Ncm523Plan() : base("ncm523", "NCM523", "86653f…",
///             new CommandStep(0, "anneal 850C O2 12h", new SourceLocation("ncm523.recipe", 9, 3),
///                 new RampCommand(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(5)),
///                 new HoldCommand(Vessel.Furnace, TimeSpan.FromSeconds(43200))),
///             new CommandStep(1, …))
///         {
///         }
///     }
/// </code>
/// RunAsync calls <c>context.StepAsync(i, body)</c> for each step in order, the body sending that step's commands to
/// the controller. The context decides whether a step runs (a resumed run skips finished ones), so a plan never
/// branches on run state itself.
/// </summary>
public interface IStepPlan
{
    /// <summary>The recipe's name.</summary>
    string Name { get; }

    /// <summary>The cathode material the recipe regenerates (e.g. "NCM523").</summary>
    string Material { get; }

    /// <summary>
    /// SHA-256 (lower-case hex) of the equipment profile the recipe was checked against;
    /// see EquipmentLimits.ComputeHash.
    /// </summary>
    string ProfileHash { get; }

    /// <summary>The steps in run order; Steps[i].Index == i.</summary>
    IReadOnlyList<PlannedStep> Steps { get; }

    /// <summary>
    /// The site's units the plan was compiled for (compile --site [--unit]), by vessel; empty when it is bound to none
    /// and runs on whatever units the runtime is given.
    /// </summary>
    IReadOnlyDictionary<Vessel, string> Units => Execution.CommandPlan.Unbound;

    Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken);
}
