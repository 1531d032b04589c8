using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Furnace steps that reconstruct the lattice must stay in the material's window; far above it destroys the material.</summary>
public sealed class AnnealWindowRule() : RecipeRule(Descriptors.AnnealWindow)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (recipe.Material is not { } material)
        {
            return;
        }
        foreach (var step in recipe.Steps)
        {
            if (!step.Operation.HasRepairWhen(RepairCondition.AfterLithiumSource) || step.Temperature is not var (celsius, temperatureSpan))
            {
                continue;
            }
            var window = material.AnnealWindowC;
            var errorAbove = Math.Min(window.Max + context.Limits.AnnealOverWindowErrorC.Value, context.Limits.NcmAnnealMaxC.Value);
            if (window.Contains(celsius))
            {
                continue;
            }
            var destroys = celsius > errorAbove;
            var advice = destroys
                ? $"; above {RuleContext.Celsius(errorAbove)} lithium volatilises and the layered structure decomposes ({context.Limits.AnnealOverWindowErrorC.Source})"
                : celsius < context.Limits.LatticeReconstructionMinC.Value ? $"; below {RuleContext.Celsius(context.Limits.LatticeReconstructionMinC.Value)} the lattice does not reorder" : "";
            var diagnostic = context.Create(Descriptor, step, temperatureSpan, step.Name, material.Name, RuleContext.Celsius(celsius), window.Format(), window.Source, advice);
            context.Report(destroys ? diagnostic with { Severity = DiagnosticSeverity.Error } : diagnostic);
        }
    }
}
