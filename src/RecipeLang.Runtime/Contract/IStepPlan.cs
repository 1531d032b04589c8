namespace RecipeLang.Runtime;

/// <summary>
/// A compiled recipe. Generated code implements it as a straight sequence of steps:
/// <code>
///     public async Task RunAsync(IProcessController c, IStepContext context, CancellationToken cancellationToken)
///     {
///         await context.StepAsync(0, async ct =>
///         {
///             await c.RampAsync(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(5), ct);
///             await c.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(12), ct);
///         }, cancellationToken);
///         await context.StepAsync(1, async ct => { ... }, cancellationToken);
///     }
/// </code>
/// The context decides whether a step runs (a resumed run skips finished ones), so a plan never
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

    Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken);
}
