using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Between the liner's routine and absolute limits a run is allowed but worth knowing about.</summary>
public sealed class AutoclaveRoutineRule() : RecipeRule(Descriptors.AutoclaveRoutine)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        foreach (var step in recipe.Steps)
        {
            // Only inside the absolute limits: beyond them RL3003 says more.
            if (SealedVessel.Of(context.Catalog, step) is { Curve: not null, IsSupercritical: false } vessel
                && vessel.Celsius > context.Equipment.AutoclaveRoutineMaxC && vessel.Celsius <= context.Equipment.AutoclaveMaxC
                && vessel.PressureBar <= context.Equipment.AutoclaveMaxBar)
            {
                context.Report(Descriptor, step, step.Temperature!.Value.Span, RuleContext.Celsius(vessel.Celsius), RuleContext.Celsius(context.Equipment.AutoclaveRoutineMaxC), vessel.Solvent, $"{vessel.PressureBar:0.#}");
            }
        }
    }
}
