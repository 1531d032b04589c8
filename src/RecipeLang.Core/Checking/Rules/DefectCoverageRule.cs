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
            if (Repairs.IsRepaired(context.Catalog, recipe, defect.Name))
            {
                continue;
            }
            context.Report(Descriptor.Create(context.Source, defect.Syntax.Name.Span, defect.Name, Advice(context, defect.Name)));
        }
    }

    /// <summary>The operations that could repair the defect, with their conditions.</summary>
    private static string Advice(RuleContext context, string defect)
    {
        var candidates = context.Catalog.Operations.Values.Where(o => o.RepairsDefect(defect))
            .Select(o => $"'{o.Name}'{ConditionText(o.Repairs.First(r => r.Defect == defect).When)}").ToList();
        return candidates.Count == 0 ? "no catalogued operation repairs it" : "add " + string.Join(" or ", candidates);
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
