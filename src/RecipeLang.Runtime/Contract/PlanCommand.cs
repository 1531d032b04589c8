namespace RecipeLang.Runtime;

/// <summary>
/// One controller call of a compiled plan, as data: the verb and its typed arguments. A compiled plan is a table of
/// these (see <see cref="Execution.CommandPlan"/>), so the generated code only constructs values and the calls are made
/// here, by tested code, through whatever controller the executor hands in (the interlocked one on a plant).
/// </summary>
public abstract record PlanCommand(Vessel Vessel)
{
    public abstract Task RunAsync(IProcessController controller, CancellationToken cancellationToken);
}

public sealed record ChargeCommand(Vessel Vessel, string Reagent, Mass Mass) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.ChargeAsync(Vessel, Reagent, Mass, cancellationToken);
}

public sealed record ChargeSolutionCommand(Vessel Vessel, string Reagent, Concentration Concentration, Volume Volume) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.ChargeSolutionAsync(Vessel, Reagent, Concentration, Volume, cancellationToken);
}

public sealed record SetAtmosphereCommand(Vessel Vessel, Gas Gas, GasFlow Flow) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.SetAtmosphereAsync(Vessel, Gas, Flow, cancellationToken);
}

public sealed record RampCommand(Vessel Vessel, Temperature Target, TemperatureRate Rate) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.RampAsync(Vessel, Target, Rate, cancellationToken);
}

public sealed record HoldCommand(Vessel Vessel, TimeSpan Duration) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.HoldAsync(Vessel, Duration, cancellationToken);
}

public sealed record CoolCommand(Vessel Vessel, Temperature Target) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.CoolAsync(Vessel, Target, cancellationToken);
}

public sealed record SealCommand(Vessel Vessel) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.SealAsync(Vessel, cancellationToken);
}

public sealed record VentCommand(Vessel Vessel) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.VentAsync(Vessel, cancellationToken);
}

public sealed record PurgeCommand(Vessel Vessel, Gas InertGas) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.PurgeAsync(Vessel, InertGas, cancellationToken);
}

public sealed record ApplyCurrentCommand(Vessel Vessel, Current Current, Potential Cutoff, TimeSpan MaxDuration) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.ApplyCurrentAsync(Vessel, Current, Cutoff, MaxDuration, cancellationToken);
}

public sealed record ApplyPotentialCommand(Vessel Vessel, Potential Potential, TimeSpan Duration) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.ApplyPotentialAsync(Vessel, Potential, Duration, cancellationToken);
}

public sealed record StirCommand(Vessel Vessel, StirSpeed Speed, TimeSpan Duration) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.StirAsync(Vessel, Speed, Duration, cancellationToken);
}

public sealed record SonicateCommand(Vessel Vessel, TimeSpan Duration) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.SonicateAsync(Vessel, Duration, cancellationToken);
}

public sealed record WashCommand(Vessel Vessel, string Solvent, Volume Volume, int Cycles) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.WashAsync(Vessel, Solvent, Volume, Cycles, cancellationToken);
}

public sealed record DryCommand(Vessel Vessel, Temperature Temperature, TimeSpan Duration, bool Vacuum) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.DryAsync(Vessel, Temperature, Duration, Vacuum, cancellationToken);
}

/// <summary>Moves the solids from <see cref="PlanCommand.Vessel"/> to <paramref name="To"/>.</summary>
public sealed record TransferCommand(Vessel Vessel, Vessel To) : PlanCommand(Vessel)
{
    public override Task RunAsync(IProcessController controller, CancellationToken cancellationToken) =>
        controller.TransferAsync(Vessel, To, cancellationToken);
}
