using RecipeLang.Catalog;

namespace RecipeLang.Binding;

/// <summary>
/// Evaluates the catalog's repair conditions on a bound recipe: which steps repair a defect. Beside the bound model,
/// because the coverage rule, the recipe summary and hover all ask it.
/// </summary>
public static class Repairs
{
    public static IEnumerable<BoundStep> StepsRepairing(RecipeCatalog catalog, BoundRecipe recipe, string defect) =>
        recipe.Steps.Where(step => StepRepairs(catalog, recipe, step, defect));

    /// <summary>Some step of the recipe repairs the defect (the coverage rule asks this for every declared defect).</summary>
    public static bool IsRepaired(RecipeCatalog catalog, BoundRecipe recipe, string defect)
    {
        foreach (var step in recipe.Steps)
        {
            if (StepRepairs(catalog, recipe, step, defect))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StepRepairs(RecipeCatalog catalog, BoundRecipe recipe, BoundStep step, string defect)
    {
        var repairs = step.Operation.Repairs;
        for (var i = 0; i < repairs.Count; i++)
        {
            if (repairs[i].Defect == defect && Holds(catalog, recipe, step, repairs[i].When))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Holds(RecipeCatalog catalog, BoundRecipe recipe, BoundStep step, RepairCondition condition) => condition switch
    {
        RepairCondition.Always => true,
        RepairCondition.LithiumReagent => step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.NonLithiumReagent => !step.ActiveReagents.IsEmpty && !step.ActiveReagents.Any(r => r.LithiumBearing),
        RepairCondition.OxygenAtmosphere => step.Atmosphere is { Name: "O2" },
        RepairCondition.OxidizingAtmosphere => step.Atmosphere is { Oxidizing: true },
        RepairCondition.AfterLithiumSource => recipe.AnyBefore(step, static s => s.AddsLithium),
        RepairCondition.FollowedByFurnace => recipe.AnyAfter(step, catalog.Limits.LatticeReconstructionMinC.Value, static (s, celsius) => s.IsFurnaceAtOrAbove(celsius)),
        RepairCondition.SurfaceReagent => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.SurfaceReconstruction) == true),
        RepairCondition.Acid => step.ActiveReagents.Any(r => r.Reagent?.HasRole(ReagentRoles.Acid) == true),
        RepairCondition.PolymerCoating => step.Coating is { Kind: CoatingKind.Polymer },
        RepairCondition.Binder => step.Has("binder"),
        RepairCondition.ElasticBinder => step.Value<NamedValue>("binder")?.Info is BinderInfo { Elastic: true },
        RepairCondition.Conductive => step.Has("conductive"),
        _ => false,
    };
}
