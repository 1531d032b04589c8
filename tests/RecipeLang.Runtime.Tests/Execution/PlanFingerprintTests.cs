using RecipeLang.Runtime.Execution;

namespace RecipeLang.Runtime.Tests.Execution;

public class PlanFingerprintTests
{
    [Test]
    public void The_folder_a_recipe_was_named_from_does_not_change_the_plan_but_its_file_and_position_do()
    {
        var typed = PlanFingerprint.Compute(new OneStepPlan(new SourceLocation("a.recipe", 3, 1)));

        Assert.That(PlanFingerprint.Compute(new OneStepPlan(new SourceLocation("./lab/../a.recipe", 3, 1))), Is.EqualTo(typed));
        Assert.That(PlanFingerprint.Compute(new OneStepPlan(new SourceLocation("/home/lab/a.recipe", 3, 1))), Is.EqualTo(typed));
        Assert.That(PlanFingerprint.Compute(new OneStepPlan(new SourceLocation("b.recipe", 3, 1))), Is.Not.EqualTo(typed));
        Assert.That(PlanFingerprint.Compute(new OneStepPlan(new SourceLocation("a.recipe", 4, 1))), Is.Not.EqualTo(typed));
    }

    private sealed class OneStepPlan(SourceLocation location) : IStepPlan
    {
        public string Name => "one";
        public string Material => "LCO";
        public string ProfileHash => "p";
        public IReadOnlyList<PlannedStep> Steps { get; } = [new(0, "anneal 850C O2", location)];

        public Task RunAsync(IProcessController controller, IStepContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
