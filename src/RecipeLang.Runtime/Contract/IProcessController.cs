// The contract between a compiled recipe plan and the plant that runs it.
//
// For controller vendors: implement IProcessController once for your hardware (PLC gateway, OPC UA
// client, lab robot) and every compiled RecipeLang plan runs on it. The plan calls these verbs one
// after the other and awaits each; a verb returns when the plant has done it (a ramp returns when the
// set-point reaches its target, a hold returns when the time has passed).
//
// - Asynchronous, because the verbs take minutes to hours of plant time: a controller must never block
//   a thread for that long, and a simulator completes them instantly on a virtual clock.
// - Cancellable, because an operator stop, an interlock or a host shutdown must interrupt a 12-hour
//   hold at once. On cancellation, throw OperationCanceledException and leave the plant as it is; the
//   executor then drives it to a safe state through PowerOffAsync, VentAsync and PurgeAsync, which must
//   work from any state and be safe to call twice.
// - Typed quantities (Temperature, Pressure, Mass, ...), never bare doubles: a unit mistake between
//   generated code and a controller becomes a compile error, and each value prints with its unit in
//   logs. Each type stores one fixed unit (°C, bar, g, mL, mA, V, ...); convert at the edge of your
//   hardware.
//
// This assembly references only the base library, so a plan compiled against it loads anywhere.
namespace RecipeLang.Runtime;

public interface IProcessController
{
    /// <summary>Adds a solid reagent to a vessel.</summary>
    Task ChargeAsync(Vessel vessel, string reagent, Mass mass, CancellationToken cancellationToken);

    /// <summary>Adds a solution of a reagent at a concentration to a vessel.</summary>
    Task ChargeSolutionAsync(Vessel vessel, string reagent, Concentration concentration, Volume volume, CancellationToken cancellationToken);

    /// <summary>Sets the gas over a vessel and its flow (Gas.Vacuum evacuates; its flow is ignored).</summary>
    Task SetAtmosphereAsync(Vessel vessel, Gas gas, GasFlow flow, CancellationToken cancellationToken);

    /// <summary>Moves the vessel's set-point to a temperature at a rate; returns when the set-point arrives.</summary>
    Task RampAsync(Vessel vessel, Temperature target, TemperatureRate rate, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the vessel at its current set-point for a time. The time counts only while the measured
    /// temperature is within HoldTolerance.DefaultCelsius of the set-point, so a hold after a ramp starts
    /// when the charge has caught up, not when the command was sent.
    /// </summary>
    Task HoldAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Switches the heater off and waits until the vessel has cooled to a temperature.</summary>
    Task CoolAsync(Vessel vessel, Temperature target, CancellationToken cancellationToken);

    /// <summary>Closes a pressure vessel (the autoclave).</summary>
    Task SealAsync(Vessel vessel, CancellationToken cancellationToken);

    /// <summary>Opens a pressure vessel to the atmosphere. Part of the safe state: must work from any state.</summary>
    Task VentAsync(Vessel vessel, CancellationToken cancellationToken);

    /// <summary>Flows an inert gas through a vessel to displace its atmosphere. Part of the safe state.</summary>
    Task PurgeAsync(Vessel vessel, Gas inertGas, CancellationToken cancellationToken);

    /// <summary>Switches off a vessel's heater (and a cell's current). Part of the safe state.</summary>
    Task PowerOffAsync(Vessel vessel, CancellationToken cancellationToken);

    /// <summary>
    /// Galvanostatic step: drives a current through the cell until its potential reaches the cut-off
    /// or the time runs out, whichever comes first, and says which it was.
    /// </summary>
    Task<CurrentStepResult> ApplyCurrentAsync(Vessel vessel, Current current, Potential cutoff, TimeSpan maxDuration, CancellationToken cancellationToken);

    /// <summary>Potentiostatic step: holds the cell at a potential for a time.</summary>
    Task ApplyPotentialAsync(Vessel vessel, Potential potential, TimeSpan duration, CancellationToken cancellationToken);

    Task StirAsync(Vessel vessel, StirSpeed speed, TimeSpan duration, CancellationToken cancellationToken);

    Task SonicateAsync(Vessel vessel, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Washes the vessel's solids with a solvent, a number of times.</summary>
    Task WashAsync(Vessel vessel, string solvent, Volume volume, int cycles, CancellationToken cancellationToken);

    /// <summary>Dries the vessel's contents at a temperature for a time, under vacuum or not.</summary>
    Task DryAsync(Vessel vessel, Temperature temperature, TimeSpan duration, bool vacuum, CancellationToken cancellationToken);

    /// <summary>Moves the solids from one vessel to another.</summary>
    Task TransferAsync(Vessel from, Vessel to, CancellationToken cancellationToken);

    /// <summary>Reads a vessel's temperature sensor. A lost sensor returns NaN or throws.</summary>
    Task<Temperature> ReadTemperatureAsync(Vessel vessel, CancellationToken cancellationToken);

    /// <summary>Reads a vessel's absolute pressure sensor.</summary>
    Task<Pressure> ReadPressureAsync(Vessel vessel, CancellationToken cancellationToken);

    /// <summary>Reads the cell's working-electrode potential.</summary>
    Task<Potential> ReadPotentialAsync(Vessel vessel, CancellationToken cancellationToken);
}
