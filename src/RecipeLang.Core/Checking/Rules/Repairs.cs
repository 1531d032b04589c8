using RecipeLang.Binding;
using RecipeLang.Catalog;

namespace RecipeLang.Checking.Rules;

/// <summary>Evaluates the catalog's repair conditions: which steps of a recipe repair a defect.</summary>
public static class Repairs
{
    public static IEnumerable<BoundStep> StepsRepairing(RuleContext context, BoundRecipe recipe, string defect) =>
        recipe.Steps.Where(step => step.Operation.Repairs.Any(r => r.Defect == defect && Holds(context, recipe, step, r.When)));

    public static bool Holds(RuleContext context, BoundRecipe recipe, BoundStep step, RepairCondition condition) => condition switch
    {
        RepairCondition.Always => true,
        RepairCondition.LithiumReagent => step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.NonLithiumReagent => step.ActiveReagents.Any() && !step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.OxygenAtmosphere => step.Atmosphere is { Name: "O2" },
        RepairCondition.OxidizingAtmosphere => step.Atmosphere is { Oxidizing: true },
        RepairCondition.AfterLithiumSource => recipe.Steps.Take(step.Index).Any(s => s.SuppliesLithium || (s.Category == OperationCategories.Mixing && s.ActiveReagents.Any(r => r.LithiumBearing))),
        RepairCondition.FollowedByFurnace => recipe.After(step).Any(s => s.IsFurnaceAtOrAbove(context.Limits.LatticeReconstructionMinC.Value)),
        RepairCondition.SurfaceReagent => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.SurfaceReconstruction) == true),
        RepairCondition.Acid => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.Acid) == true),
        RepairCondition.PolymerCoating => step.Coating is { Kind: CoatingKind.Polymer },
        RepairCondition.Binder => step.Has("binder"),
        RepairCondition.ElasticBinder => step.Value<NamedValue>("binder")?.Info is BinderInfo { Elastic: true },
        RepairCondition.Conductive => step.Has("conductive"),
        _ => false,
    };
}
