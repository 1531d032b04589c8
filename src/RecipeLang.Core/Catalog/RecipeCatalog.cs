using RecipeLang.Chemistry;

namespace RecipeLang.Catalog;

/// <summary>
/// Everything the checker knows about materials, reagents, mixtures, coatings, operations and defects,
/// built from the <c>Data/*.json</c> files (every number with its source; compiled into C# by
/// RecipeLang.Generators) plus a site's additions.
/// Immutable: <see cref="With"/> returns a new catalog. Name lookups are case-insensitive; formulas are
/// case-sensitive (Co is not CO).
/// </summary>
public sealed class RecipeCatalog
{
    private static readonly Lazy<RecipeCatalog> LazyDefault = new(LoadBuiltIn);

    private readonly Dictionary<string, ReagentInfo> reagentsByFormula;
    private readonly Dictionary<string, ReagentInfo> reagentsByAlias;
    private readonly Dictionary<ReagentInfo, Formula?> formulas;
    private readonly Dictionary<string, EutecticInfo> eutecticsByKey;
    private readonly Dictionary<string, OperationInfo> operationsByAlias;
    private readonly Dictionary<string, BinderInfo> bindersByAlias;
    private readonly Dictionary<string, AtmosphereInfo> atmospheresByAlias;

    private RecipeCatalog(
        IEnumerable<MaterialInfo> materials,
        IEnumerable<ReagentInfo> reagents,
        IEnumerable<EutecticInfo> eutectics,
        IEnumerable<CoatingInfo> coatings,
        IEnumerable<AtmosphereInfo> atmospheres,
        IEnumerable<DopantInfo> dopants,
        IEnumerable<BinderInfo> binders,
        IEnumerable<ConductiveInfo> conductives,
        IEnumerable<DefectInfo> defects,
        IEnumerable<OperationInfo> operations,
        IEnumerable<VapourPressureCurve> vapourPressures,
        ProcessLimits limits,
        EquipmentProfile equipment)
    {
        // Later entries win, so a site's material or reagent replaces a built-in one of the same name.
        Materials = ByName(materials, m => m.Name);
        Reagents = ByName(reagents, r => r.Name);
        Eutectics = eutectics.ToArray();
        Coatings = ByName(coatings, c => c.Name);
        Atmospheres = ByName(atmospheres, a => a.Name);
        Dopants = ByName(dopants, d => d.Element, StringComparer.Ordinal);
        Binders = ByName(binders, b => b.Name);
        Conductives = ByName(conductives, c => c.Name);
        Defects = ByName(defects, d => d.Name);
        Operations = ByName(operations, o => o.Name);
        VapourPressures = ByName(vapourPressures, v => v.Reagent);
        Limits = limits;
        Equipment = equipment;

        // Loops rather than LINQ: LINQ over tuples and key-value pairs is compiled at start-up, before the first check.
        // The first entry of a spelling wins.
        reagentsByFormula = new(StringComparer.Ordinal);
        reagentsByAlias = new(StringComparer.OrdinalIgnoreCase);
        formulas = new(ReferenceEqualityComparer.Instance);
        foreach (var reagent in Reagents.Values)
        {
            reagentsByFormula.TryAdd(Formula.Normalize(reagent.Formula), reagent);
            formulas.TryAdd(reagent, Formula.TryParse(reagent.Formula, out var formula, out _) ? formula : null);
            AddAliases(reagentsByAlias, reagent.Aliases, reagent);
        }
        eutecticsByKey = new(StringComparer.Ordinal);
        foreach (var eutectic in Eutectics)
        {
            eutecticsByKey.TryAdd(eutectic.Key, eutectic);
        }
        operationsByAlias = new(StringComparer.OrdinalIgnoreCase);
        foreach (var operation in Operations.Values)
        {
            AddAliases(operationsByAlias, operation.Aliases, operation);
        }
        atmospheresByAlias = new(StringComparer.OrdinalIgnoreCase);
        foreach (var atmosphere in Atmospheres.Values)
        {
            AddAliases(atmospheresByAlias, atmosphere.Aliases, atmosphere);
        }
        bindersByAlias = new(StringComparer.OrdinalIgnoreCase);
        foreach (var binder in Binders.Values)
        {
            AddAliases(bindersByAlias, binder.Aliases, binder);
        }
    }

    private static void AddAliases<T>(Dictionary<string, T> map, IReadOnlyList<string> aliases, T item)
    {
        foreach (var alias in aliases)
        {
            map.TryAdd(alias, item);
        }
    }

    /// <summary>The built-in catalog, built once from the compiled catalog files.</summary>
    public static RecipeCatalog Default => LazyDefault.Value;

    public IReadOnlyDictionary<string, MaterialInfo> Materials { get; }
    public IReadOnlyDictionary<string, ReagentInfo> Reagents { get; }
    public IReadOnlyList<EutecticInfo> Eutectics { get; }
    public IReadOnlyDictionary<string, CoatingInfo> Coatings { get; }
    public IReadOnlyDictionary<string, AtmosphereInfo> Atmospheres { get; }

    /// <summary>By element symbol (case-sensitive).</summary>
    public IReadOnlyDictionary<string, DopantInfo> Dopants { get; }

    public IReadOnlyDictionary<string, BinderInfo> Binders { get; }
    public IReadOnlyDictionary<string, ConductiveInfo> Conductives { get; }
    public IReadOnlyDictionary<string, DefectInfo> Defects { get; }

    /// <summary>By canonical name; <see cref="FindOperation"/> also resolves aliases.</summary>
    public IReadOnlyDictionary<string, OperationInfo> Operations { get; }

    /// <summary>Saturation-pressure curves of the liquids a sealed vessel may hold, by reagent name.</summary>
    public IReadOnlyDictionary<string, VapourPressureCurve> VapourPressures { get; }

    /// <summary>Water's curve (IAPWS-IF97): the solvent of a hydrothermal step that names none.</summary>
    public VapourPressureCurve Water => VapourPressures["water"];

    /// <summary>The saturation-pressure curve of a reagent, found by any of its spellings (H2O, water).</summary>
    public VapourPressureCurve? FindVapourPressure(string reagent) =>
        FindReagent(reagent) is { } info ? VapourPressures.GetValueOrDefault(info.Name) : VapourPressures.GetValueOrDefault(reagent);

    public ProcessLimits Limits { get; }

    /// <summary>The site's equipment, or <see cref="EquipmentProfile.Default"/>.</summary>
    public EquipmentProfile Equipment { get; }

    /// <summary>Every name an operation can be written with (names and aliases), for completion and suggestions.</summary>
    public IEnumerable<string> OperationSpellings => Operations.Keys.Concat(operationsByAlias.Keys);

    /// <summary>Every name a reagent can be written with (names, formulas and aliases).</summary>
    public IEnumerable<string> ReagentSpellings =>
        Reagents.Keys.Concat(reagentsByFormula.Keys).Concat(reagentsByAlias.Keys).Distinct(StringComparer.Ordinal);

    public OperationInfo? FindOperation(string name) =>
        Operations.GetValueOrDefault(name) ?? operationsByAlias.GetValueOrDefault(name);

    public MaterialInfo? FindMaterial(string name) => Materials.GetValueOrDefault(name);

    /// <summary>
    /// A reagent by formula (case-sensitive, any hydrate separator: <c>LiOH*H2O</c> finds <c>LiOH·H2O</c>),
    /// then by name or alias (case-insensitive: <c>citric_acid</c>, <c>lithium_benzoate</c>).
    /// </summary>
    public ReagentInfo? FindReagent(string nameOrFormula) =>
        reagentsByFormula.GetValueOrDefault(Formula.Normalize(nameOrFormula))
        ?? Reagents.GetValueOrDefault(nameOrFormula)
        ?? reagentsByAlias.GetValueOrDefault(nameOrFormula);

    /// <summary>A reagent's parsed formula: parsed once per catalog, not per step that names the reagent.</summary>
    public Formula? FormulaOf(ReagentInfo reagent) =>
        formulas.TryGetValue(reagent, out var formula) ? formula : Formula.TryParse(reagent.Formula, out var parsed, out _) ? parsed : null;

    /// <summary>A catalogued mixture by its components in any order and any spelling of each (<c>LiOH*H2O</c>, <c>lithium_benzoate</c>).</summary>
    public EutecticInfo? FindEutectic(IEnumerable<string> components) =>
        eutecticsByKey.GetValueOrDefault(EutecticInfo.KeyOf(components.Select(c => FindReagent(c)?.Name ?? c)));

    public CoatingInfo? FindCoating(string name) => Coatings.GetValueOrDefault(name);

    /// <summary>An atmosphere by name or alias (<c>oxygen</c> finds O2), case-insensitive.</summary>
    public AtmosphereInfo? FindAtmosphere(string name) => Atmospheres.GetValueOrDefault(name) ?? atmospheresByAlias.GetValueOrDefault(name);

    /// <summary>Every accepted spelling of the atmospheres, for messages and completion: "O2 (oxygen), air, ...".</summary>
    public string AtmosphereSpellings => string.Join(", ", Atmospheres.Values.Select(a => a.Aliases.Count == 0 ? a.Name : $"{a.Name} ({string.Join(", ", a.Aliases)})"));

    public BinderInfo? FindBinder(string name) => Binders.GetValueOrDefault(name) ?? bindersByAlias.GetValueOrDefault(name);

    public ConductiveInfo? FindConductive(string name) => Conductives.GetValueOrDefault(name);

    public DefectInfo? FindDefect(string name) => Defects.GetValueOrDefault(name);

    /// <summary>
    /// This catalog with another equipment profile and more materials, reagents and coatings (replacing
    /// same-named ones): what a site's recipelang.json adds (Configuration builds it; the catalog knows no config).
    /// </summary>
    public RecipeCatalog With(EquipmentProfile equipment, IEnumerable<MaterialInfo> materials, IEnumerable<ReagentInfo> reagents, IEnumerable<CoatingInfo> coatings) => new(
        Materials.Values.Concat(materials),
        Reagents.Values.Concat(reagents),
        Eutectics,
        Coatings.Values.Concat(coatings),
        Atmospheres.Values,
        Dopants.Values,
        Binders.Values,
        Conductives.Values,
        Defects.Values,
        Operations.Values,
        VapourPressures.Values,
        Limits,
        equipment);

    private static RecipeCatalog LoadBuiltIn()
    {
        var files = CatalogData.CatalogFileFiles();
        var limits = CatalogData.ProcessLimitsFiles()[0];

        var materials = files.SelectMany(f => f.Materials ?? []).Select(m =>
            CatalogBuilder.TryBuildMaterial(m, limits.NiRichThreshold.Value, out var material, out var error)
                ? material
                : throw new InvalidDataException(error));
        var reagents = files.SelectMany(f => f.Reagents ?? []).Select(r =>
            CatalogBuilder.TryBuildReagent(r, out var reagent, out var error) ? reagent : throw new InvalidDataException(error));

        return new RecipeCatalog(
            materials.ToArray(),
            reagents.ToArray(),
            files.SelectMany(f => f.Eutectics ?? []),
            files.SelectMany(f => f.Coatings ?? []),
            files.SelectMany(f => f.Atmospheres ?? []),
            files.SelectMany(f => f.Dopants ?? []),
            files.SelectMany(f => f.Binders ?? []),
            files.SelectMany(f => f.Conductives ?? []),
            files.SelectMany(f => f.Defects ?? []),
            files.SelectMany(f => f.Operations ?? []),
            files.SelectMany(f => f.VapourPressure ?? []),
            limits,
            EquipmentProfile.Default);
    }

    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name, StringComparer? comparer = null)
    {
        var map = new Dictionary<string, T>(comparer ?? StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
            map[name(item)] = item;
        return map;
    }
}
