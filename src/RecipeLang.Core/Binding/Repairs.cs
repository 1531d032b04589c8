using RecipeLang.Catalog;

namespace RecipeLang.Binding;

/// <summary>
/// Evaluates the catalog's repair conditions on a bound recipe: which steps repair a defect. Beside the bound model,
/// because the coverage rule, the recipe summary and hover all ask it.
/// </summary>
public static class Repairs
{
    public static IEnumerable<BoundStep> StepsRepairing(RecipeCatalog catalog, BoundRecipe recipe, string defect) =>
        recipe.Steps.Where(step => step.Operation.Repairs.Any(r => r.Defect == defect && Holds(catalog, recipe, step, r.When)));

    public static bool Holds(RecipeCatalog catalog, BoundRecipe recipe, BoundStep step, RepairCondition condition) => condition switch
    {
        RepairCondition.Always => true,
        RepairCondition.LithiumReagent => step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.NonLithiumReagent => step.ActiveReagents.Any() && !step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.OxygenAtmosphere => step.Atmosphere is { Name: "O2" },
        RepairCondition.OxidizingAtmosphere => step.Atmosphere is { Oxidizing: true },
        RepairCondition.AfterLithiumSource => recipe.Steps.Take(step.Index).Any(s => s.SuppliesLithium || (s.Category == OperationCategories.Mixing && s.ActiveReagents.Any(r => r.LithiumBearing))),
        RepairCondition.FollowedByFurnace => recipe.After(step).Any(s => s.IsFurnaceAtOrAbove(catalog.Limits.LatticeReconstructionMinC.Value)),
        RepairCondition.SurfaceReagent => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.SurfaceReconstruction) == true),
        RepairCondition.Acid => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.Acid) == true),
        RepairCondition.PolymerCoating => step.Coating is { Kind: CoatingKind.Polymer },
        RepairCondition.Binder => step.Has("binder"),
        RepairCondition.ElasticBinder => step.Value<NamedValue>("binder")?.Info is BinderInfo { Elastic: true },
        RepairCondition.Conductive => step.Has("conductive"),
        _ => false,
    };
}
