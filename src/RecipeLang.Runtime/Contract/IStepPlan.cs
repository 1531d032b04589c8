namespace RecipeLang.Runtime;

/// A compiled recipe. Generated code implements it as a straight sequence of steps:
///
///     public async Task RunAsync(IProcessController c, IStepContext context, CancellationToken ct)
///     {
///         await context.StepAsync(0, async ct =>
///         {
///             await c.RampAsync(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(5), ct);
///             await c.HoldAsync(Vessel.Furnace, TimeSpan.FromHours(12), ct);
///         }, ct);
///         await context.StepAsync(1, async ct => { ... }, ct);
///     }
///
/// The context decides whether a step runs (a resumed run skips finished ones), so a plan never
/// branches on run state itself.
public interface IStepPlan
{
    /// The recipe's name.
    string Name { get; }

    /// The cathode material the recipe regenerates (e.g. "NCM523").
    string Material { get; }

    /// SHA-256 (lower-case hex) of the equipment profile the recipe was checked against;
    /// see EquipmentLimits.ComputeHash.
    string ProfileHash { get; }

    /// The steps in run order; Steps[i].Index == i.
    IReadOnlyList<PlannedStep> Steps { get; }

    Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken);
}
