using System.Text.Json.Serialization;

namespace RecipeLang.Catalog;

/// <summary>
/// When a step repairs a defect (<see cref="RepairInfo.When"/>). This is the whole vocabulary the checker
/// evaluates; the JSON name is what the catalog files write.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RepairCondition>))]
public enum RepairCondition
{
    /// <summary>The step repairs the defect whatever its arguments.</summary>
    [JsonStringEnumMemberName("always")] Always,

    /// <summary>At least one of the step's reagents carries lithium (<see cref="ReagentInfo.LithiumBearing"/>).</summary>
    [JsonStringEnumMemberName("lithium_reagent")] LithiumReagent,

    /// <summary>None of the step's reagents carries lithium.</summary>
    [JsonStringEnumMemberName("non_lithium_reagent")] NonLithiumReagent,

    /// <summary>
    /// A reagent of the step has the <see cref="ReagentRoles.SurfaceReconstruction"/> role (NH4OH). Narrower than
    /// <see cref="NonLithiumReagent"/>: KOH carries no lithium either but is not a surface treatment (review Table 1 row 2).
    /// </summary>
    [JsonStringEnumMemberName("surface_reagent")] SurfaceReagent,

    /// <summary>The step's atmosphere is pure oxygen (O2).</summary>
    [JsonStringEnumMemberName("oxygen_atmosphere")] OxygenAtmosphere,

    /// <summary>The step's atmosphere is oxidizing (<see cref="AtmosphereInfo.Oxidizing"/>: O2 or air).</summary>
    [JsonStringEnumMemberName("oxidizing_atmosphere")] OxidizingAtmosphere,

    /// <summary>An earlier step of the recipe supplied lithium (a lithium reagent).</summary>
    [JsonStringEnumMemberName("after_lithium_source")] AfterLithiumSource,

    /// <summary>A later step is a furnace step at or above <see cref="ProcessLimits.LatticeReconstructionMinC"/>.</summary>
    [JsonStringEnumMemberName("followed_by_furnace")] FollowedByFurnace,

    /// <summary>The step's reagent has the acid role.</summary>
    [JsonStringEnumMemberName("acid")] Acid,

    /// <summary>The step's coating is a polymer (<see cref="CoatingKind.Polymer"/>).</summary>
    [JsonStringEnumMemberName("polymer_coating")] PolymerCoating,

    /// <summary>The step names a binder.</summary>
    [JsonStringEnumMemberName("binder")] Binder,

    /// <summary>The step names an elastic binder (<see cref="BinderInfo.Elastic"/>).</summary>
    [JsonStringEnumMemberName("elastic_binder")] ElasticBinder,

    /// <summary>The step names a conductive additive.</summary>
    [JsonStringEnumMemberName("conductive")] Conductive,
}
