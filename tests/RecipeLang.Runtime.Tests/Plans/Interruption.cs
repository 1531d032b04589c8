using RecipeLang.Runtime.Execution;

namespace RecipeLang.Runtime.Tests.Plans;

public static class Interruption
{
    /// <summary>Runs a plan and cancels it once step <paramref name="lastStep"/> (0-based) has completed, as a killed run stops.</summary>
    public static async Task<RunResult> RunUntilStepCompletedAsync(PlanExecutor executor, IStepPlan plan, IProcessController plant, RunOptions options, int lastStep)
    {
        using var stop = new CancellationTokenSource();
        executor.Progress += (_, e) =>
        {
            if (e.Kind == RunProgressKind.StepCompleted && e.Step!.Index == lastStep)
                stop.Cancel();
        };
        return await executor.RunAsync(plan, plant, options, stop.Token);
    }
}
