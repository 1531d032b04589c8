using RecipeLang.Chemistry;

namespace RecipeLang.Catalog;

/// <summary>Turns written materials and reagents into catalog records, deriving what the data does not repeat.</summary>
internal static class CatalogBuilder
{
    /// <summary>Elements that do not sit on the metal sites of a layered oxide.</summary>
    private static readonly HashSet<string> NonMetalSite = new(StringComparer.Ordinal) { "Li", "O", "F" };

    public static bool TryBuildMaterial(MaterialJson json, double niRichThreshold, out MaterialInfo material, out string? error)
    {
        material = null!;
        foreach (var symbol in json.Composition.Keys)
        {
            if (!Elements.TryGet(symbol, out _))
            {
                error = $"Material '{json.Name}': unknown element '{symbol}' in its composition.";
                return false;
            }
        }
        if (json.Unsplit is { } unsplit)
        {
            if (unsplit.Elements.Count < 2 || unsplit.Total <= 0)
            {
                error = $"Material '{json.Name}': 'unsplit' needs two or more metals and a total above 0.";
                return false;
            }
            foreach (var symbol in unsplit.Elements)
            {
                if (!Elements.TryGet(symbol, out _) || NonMetalSite.Contains(symbol) || json.Composition.ContainsKey(symbol))
                {
                    error = $"Material '{json.Name}': '{symbol}' in 'unsplit' must be a metal the composition does not list.";
                    return false;
                }
            }
        }
        var metals = MetalSiteTotal(json.Composition) + (json.Unsplit?.Total ?? 0);
        if (metals <= 0)
        {
            error = $"Material '{json.Name}': its composition has no metal besides lithium.";
            return false;
        }
        if (json.AnnealWindowC.Min > json.AnnealWindowC.Max)
        {
            error = $"Material '{json.Name}': its anneal window starts above its end.";
            return false;
        }
        if (json.AllowedAtmospheres.Count == 0)
        {
            error = $"Material '{json.Name}': it needs at least one allowed atmosphere.";
            return false;
        }
        var ni = json.Composition.GetValueOrDefault("Ni") / metals;
        material = new MaterialInfo(
            json.Name,
            new Dictionary<string, double>(json.Composition, StringComparer.Ordinal),
            json.Unsplit,
            ni,
            ni >= niRichThreshold - 1e-9,
            json.AnnealWindowC,
            json.AllowedAtmospheres,
            json.PreferredAtmosphere,
            json.WaterSensitive,
            json.Source,
            json.Notes);
        error = null;
        return true;
    }

    /// <summary>Moles of metal-site cations per formula unit: every element but Li, O and F.</summary>
    public static double MetalSiteTotal(IReadOnlyDictionary<string, double> composition)
    {
        var total = 0.0;
        foreach (var (element, moles) in composition)
        {
            if (!NonMetalSite.Contains(element))
            {
                total += moles;
            }
        }
        return total;
    }

    public static bool TryBuildReagent(ReagentJson json, out ReagentInfo reagent, out string? error)
    {
        reagent = null!;
        if (!Formula.TryParse(json.Formula, out var formula, out var formulaError))
        {
            error = $"Reagent '{json.Name}': {formulaError}";
            return false;
        }
        reagent = new ReagentInfo(
            json.Name,
            formula!.Text,
            formula.Contains("Li"),
            json.Roles,
            json.SolubilityM?.Value,
            json.SolubilityM?.Source,
            json.MeltingPointC?.Value,
            json.MeltingPointC?.Source,
            json.DecompositionC?.Value,
            json.DecompositionC?.Source,
            json.Notes)
        {
            Aliases = json.Aliases ?? [],
        };
        error = null;
        return true;
    }
}
