using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking.Rules;

/// <summary>Every declared defect must be repaired by some step; which step repairs what is the catalog's repair table.</summary>
public sealed class DefectCoverageRule() : RecipeRule(Descriptors.DefectNotRepaired)
{
    public override void Check(RuleContext context, BoundRecipe recipe)
    {
        if (!recipe.IsComplete)
        {
            return;
        }
        foreach (var defect in recipe.Defects)
        {
            if (Repairs.StepsRepairing(context.Catalog, recipe, defect.Name).Any())
            {
                continue;
            }
            var candidates = context.Catalog.Operations.Values.Where(o => o.Repairs.Any(r => r.Defect == defect.Name))
                .Select(o => $"'{o.Name}'{ConditionText(o.Repairs.First(r => r.Defect == defect.Name).When)}").ToList();
            var advice = candidates.Count == 0 ? "no catalogued operation repairs it" : "add " + string.Join(" or ", candidates);
            context.Report(Descriptor.Create(context.Source, defect.Syntax.Name.Span, defect.Name, advice));
        }
    }

    private static string ConditionText(RepairCondition condition) => condition switch
    {
        RepairCondition.LithiumReagent => " with a lithium reagent",
        RepairCondition.NonLithiumReagent => " with a non-lithium reagent",
        RepairCondition.OxygenAtmosphere => " in O2",
        RepairCondition.OxidizingAtmosphere => " in O2 or air",
        RepairCondition.AfterLithiumSource => " after a lithium source",
        RepairCondition.FollowedByFurnace => " followed by a furnace step",
        RepairCondition.SurfaceReagent => " with a surface-reconstruction reagent (NH4OH)",
        RepairCondition.Acid => " with an acid",
        RepairCondition.PolymerCoating => " with a polymer coating",
        RepairCondition.Binder => " with a binder",
        RepairCondition.ElasticBinder => " with an elastic binder",
        RepairCondition.Conductive => " with a conductive additive",
        _ => "",
    };
}
