namespace RecipeLang.Catalog;

/// <summary>An operation's signature, its category and the defects it repairs.</summary>
/// <param name="Category">One of <see cref="OperationCategories"/>.</param>
public sealed record OperationInfo(
    string Name,
    IReadOnlyList<string> Aliases,
    string Summary,
    string Category,
    IReadOnlyList<ParameterInfo> Parameters,
    IReadOnlyList<RepairInfo> Repairs)
{
    /// <summary>
    /// What the compiler's lowering assumes when a step leaves a value open, keyed by the name its lowering
    /// template reads (a parameter such as <c>time</c>, or a lowering quantity such as <c>ramp</c> for an
    /// operation that has no ramp parameter). Each value carries its source.
    /// </summary>
    public IReadOnlyDictionary<string, OperationDefault> Defaults { get; init; } = new Dictionary<string, OperationDefault>();

    /// <summary>The furnace gas when the step names none (furnace operations only).</summary>
    public DefaultAtmosphere? DefaultAtmosphere { get; init; }

    /// <summary>What an optional reagent parameter stands for when the step names none, keyed by the parameter.</summary>
    public IReadOnlyDictionary<string, DefaultReagent> DefaultReagents { get; init; } = new Dictionary<string, DefaultReagent>();

    /// <summary>The vessel the step runs in when the checker must reason about it (<see cref="Vessels"/>), else null.</summary>
    public string? Vessel { get; init; }

    /// <summary>A sealed pressure vessel: its pressure follows the solvent's vapour pressure at the set-point.</summary>
    public bool IsSealed => Vessel == Vessels.Autoclave;

    /// <summary>A step in another category that still leaves liquid on the material (an electrolyte, a solvent bath).</summary>
    public bool LeavesWet { get; init; }

    /// <summary>Leaves the material wet: the wet category, or <see cref="LeavesWet"/>.</summary>
    public bool IsWet => Category == OperationCategories.Wet || LeavesWet;

    /// <summary>Melts a salt mixture (its signature takes one).</summary>
    public bool MeltsSalts => HasParameter(ParameterKind.Mixture);

    public OperationDefault? FindDefault(string name) => Defaults.GetValueOrDefault(name);

    public DefaultReagent? FindDefaultReagent(string name) => DefaultReagents.GetValueOrDefault(name);

    // The look-ups below run per step and per rule: plain loops over a handful of entries, no enumerator or closure.

    public ParameterInfo? FindParameter(string name)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (string.Equals(Parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Parameters[i];
            }
        }
        return null;
    }

    public bool HasParameter(ParameterKind kind)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Kind == kind)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Some repair-table entry is for the defect (under the given condition, when one is given).</summary>
    public bool RepairsDefect(string defect, RepairCondition? when = null)
    {
        for (var i = 0; i < Repairs.Count; i++)
        {
            if (Repairs[i].Defect == defect && (when is null || Repairs[i].When == when))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Some repair of this operation holds under the condition (whatever the defect).</summary>
    public bool HasRepairWhen(RepairCondition condition)
    {
        for (var i = 0; i < Repairs.Count; i++)
        {
            if (Repairs[i].When == condition)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>Vessels the checker reasons about.</summary>
public static class Vessels
{
    /// <summary>A sealed, lined pressure vessel (hydrothermal); the site profile rates its temperature, pressure and fill.</summary>
    public const string Autoclave = "autoclave";
}

/// <summary>Operation categories the sequence rules reason about.</summary>
public static class OperationCategories
{
    /// <summary>In a liquid; leaves the material wet (hydrothermal, etch, wash).</summary>
    public const string Wet = "wet";
    /// <summary>Heated in a furnace (anneal, molten_salt, pyrolyze).</summary>
    public const string Furnace = "furnace";
    /// <summary>Removes liquid (dry).</summary>
    public const string Drying = "drying";
    /// <summary>Mechanical handling (grind, separate, electrode).</summary>
    public const string Mechanical = "mechanical";
    public const string Electrochemical = "electrochemical";
    public const string Coating = "coating";
    public const string Doping = "doping";
    /// <summary>Mixing a solid lithium source before a sinter (solid_state).</summary>
    public const string Mixing = "mixing";

    public static IReadOnlyList<string> All { get; } = [Wet, Furnace, Drying, Mechanical, Electrochemical, Coating, Doping, Mixing];
}
