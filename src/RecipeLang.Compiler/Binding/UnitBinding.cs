using RecipeLang.Catalog;
using RecipeLang.Configuration;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Binding;

/// <summary>
/// Which of the site's units plays each vessel of a plan, and the equipment profile that results: the site-wide
/// profile with the bound furnace's and autoclave's own limits. Plans are lowered and stamped with that profile,
/// so the executor refuses them under any other binding or site.
/// </summary>
public sealed record UnitBinding(IReadOnlyDictionary<Vessel, EquipmentUnit> Units, EquipmentProfile Profile)
{
    /// <summary>
    /// Binds every vessel whose class the site lists to a unit: the one named in `requested` for that class, else the
    /// first of that class in the file. Throws ArgumentException naming an unknown unit or two units of one class.
    /// </summary>
    public static UnitBinding Bind(SiteConfig site, IReadOnlyList<string> requested)
    {
        foreach (var id in requested.Where(id => site.Units.All(u => u.Id != id)))
            throw new ArgumentException($"{site.Path}: no unit '{id}'; the site lists {(site.Units.Count == 0 ? "none" : string.Join(", ", site.Units.Select(u => u.Id)))}");
        var chosen = site.Units.Where(u => requested.Contains(u.Id)).ToList();
        foreach (var twice in chosen.GroupBy(u => u.Class).Where(g => g.Count() > 1))
            throw new ArgumentException($"--unit names two {twice.Key} units ({string.Join(", ", twice.Select(u => u.Id))}); a plan has one {twice.Key}");
        var units = new Dictionary<Vessel, EquipmentUnit>();
        foreach (var vessel in Enum.GetValues<Vessel>())
        {
            var unitClass = vessel.ToString().ToLowerInvariant();
            if ((chosen.FirstOrDefault(u => u.Class == unitClass) ?? site.Units.FirstOrDefault(u => u.Class == unitClass)) is { } unit)
                units[vessel] = unit;
        }
        var profile = units.Values.Aggregate(site.Equipment, (p, unit) => unit.Apply(p));
        return new UnitBinding(units, profile);
    }

    public override string ToString() => string.Join("; ", Units.Select(u => $"{u.Key.ToString().ToLowerInvariant()} → {u.Value}"));
}
