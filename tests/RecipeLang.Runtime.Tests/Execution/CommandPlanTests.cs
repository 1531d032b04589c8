using System.Reflection;
using RecipeLang.Runtime.Execution;

namespace RecipeLang.Runtime.Tests.Execution;

public class CommandPlanTests
{
    private static readonly PlanCommand[] OneOfEach =
    [
        new ChargeCommand(Vessel.Mixer, "LiOH", Mass.Grams(2)),
        new ChargeSolutionCommand(Vessel.Autoclave, "LiOH", Concentration.Molar(4), Volume.Millilitres(200)),
        new SetAtmosphereCommand(Vessel.Furnace, Gas.Oxygen, GasFlow.LitresPerMinute(0.5)),
        new RampCommand(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(5)),
        new HoldCommand(Vessel.Furnace, TimeSpan.FromHours(4)),
        new CoolCommand(Vessel.Furnace, Temperature.Celsius(50)),
        new SealCommand(Vessel.Autoclave),
        new VentCommand(Vessel.Autoclave),
        new PurgeCommand(Vessel.Furnace, Gas.Argon),
        new ApplyCurrentCommand(Vessel.Cell, Current.Milliamperes(-10), Potential.Volts(-0.8), TimeSpan.FromHours(2)),
        new ApplyPotentialCommand(Vessel.Cell, Potential.Volts(-0.5), TimeSpan.FromMinutes(30)),
        new StirCommand(Vessel.Mixer, StirSpeed.Rpm(300), TimeSpan.FromMinutes(30)),
        new SonicateCommand(Vessel.Mixer, TimeSpan.FromMinutes(10)),
        new WashCommand(Vessel.Mixer, "water", Volume.Millilitres(500), 3),
        new DryCommand(Vessel.Dryer, Temperature.Celsius(80), TimeSpan.FromHours(12), true),
        new TransferCommand(Vessel.Dryer, Vessel.Furnace),
    ];

    [Test]
    public void Every_command_calls_its_controller_verb_with_its_arguments_in_order()
    {
        Assert.That(OneOfEach.Select(c => c.GetType()), Is.EquivalentTo(typeof(PlanCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PlanCommand)))));
        using var stop = new CancellationTokenSource();
        foreach (var command in OneOfEach)
        {
            var controller = Recorder.Create();
            command.RunAsync(controller, stop.Token).GetAwaiter().GetResult();

            var call = ((Recorder)(object)controller).Calls.Single();
            var type = command.GetType();
            Assert.That(call.Method, Is.EqualTo(type.Name.Replace("Command", "Async")));
            // A record's positional parameters are its controller method's parameters, in order, then the token.
            var expected = type.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != type)).GetParameters()
                .Select(p => type.GetProperty(p.Name!)!.GetValue(command)).Append(stop.Token);
            Assert.That(call.Arguments, Is.EqualTo(expected), type.Name);
        }
    }

    [Test]
    public void A_plan_runs_each_step_through_the_context_in_order_and_a_skipped_step_sends_nothing()
    {
        var plan = new TwoStepPlan();
        var controller = Recorder.Create();
        var context = new SkipSecond();

        plan.RunAsync(controller, context, CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(context.Indices, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(((Recorder)(object)controller).Calls.Select(c => c.Method), Is.EqualTo(new[] { "RampAsync", "HoldAsync" }));
        Assert.That(plan.Steps.Select(s => (s.Index, s.Description, s.Location.Line)), Is.EqualTo(new[] { (0, "anneal 850C 4h", 3), (1, "coat Li3PO4", 4) }));
        Assert.That(plan.CommandsOf(1), Is.EqualTo(new PlanCommand[] { new ChargeCommand(Vessel.Mixer, "Li3PO4", Mass.Grams(1)) }));
    }

    private sealed class TwoStepPlan() : CommandPlan("two", "NCM523", "p",
        new CommandStep(0, "anneal 850C 4h", new SourceLocation("two.recipe", 3, 3),
            new RampCommand(Vessel.Furnace, Temperature.Celsius(850), TemperatureRate.CelsiusPerMinute(5)),
            new HoldCommand(Vessel.Furnace, TimeSpan.FromHours(4))),
        new CommandStep(1, "coat Li3PO4", new SourceLocation("two.recipe", 4, 3),
            new ChargeCommand(Vessel.Mixer, "Li3PO4", Mass.Grams(1))));

    private sealed class SkipSecond : IStepContext
    {
        public List<int> Indices { get; } = [];

        public Task StepAsync(int index, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
        {
            Indices.Add(index);
            return index == 1 ? Task.CompletedTask : body(cancellationToken);
        }
    }

    /// <summary>A controller that records each call (method name and arguments) and completes at once.</summary>
    public class Recorder : DispatchProxy
    {
        public List<(string Method, object?[] Arguments)> Calls { get; } = [];

        public static IProcessController Create() => Create<IProcessController, Recorder>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Calls.Add((targetMethod!.Name, args ?? []));
            return targetMethod.ReturnType == typeof(Task<CurrentStepResult>)
                ? Task.FromResult(new CurrentStepResult(false, TimeSpan.Zero, Potential.Volts(0)))
                : Task.CompletedTask;
        }
    }
}
