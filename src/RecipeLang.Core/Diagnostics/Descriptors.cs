using System.Reflection;

namespace RecipeLang.Diagnostics;

/// <summary>
/// Every diagnostic code RecipeLang can report, in one place. Codes are stable: never reuse or renumber one;
/// each has a page in docs/rules/ (a test checks both directions). Retired: RL3013 (unbounded electrochemical
/// step; the catalog's required group cutoff/time reports it as RL2002).
/// </summary>
public static class Descriptors
{
    // RL0xxx syntax
    public static readonly DiagnosticDescriptor InvalidCharacter = new("RL0001", "Invalid character", DiagnosticSeverity.Error,
        "Invalid character '{0}'; remove it (comments start with '#')");
    public static readonly DiagnosticDescriptor UnterminatedString = new("RL0002", "Unterminated string", DiagnosticSeverity.Error,
        "Unterminated string; close it with '\"' on the same line");
    public static readonly DiagnosticDescriptor UnexpectedToken = new("RL0003", "Unexpected token", DiagnosticSeverity.Error,
        "Unexpected {0}; expected {1}");
    public static readonly DiagnosticDescriptor MissingCloseBrace = new("RL0004", "Missing '}'", DiagnosticSeverity.Error,
        "Recipe '{0}' is not closed; add '}}' after its last step");
    public static readonly DiagnosticDescriptor UnmatchedCloseBrace = new("RL0005", "Unmatched '}'", DiagnosticSeverity.Error,
        "'}}' closes nothing; remove it or add the 'recipe NAME {{' it belongs to");
    public static readonly DiagnosticDescriptor ExpectedOperation = new("RL0006", "Step without an operation", DiagnosticSeverity.Error,
        "A step starts with an operation name such as 'anneal' or 'hydrothermal', not {0}");
    public static readonly DiagnosticDescriptor MissingCloseParen = new("RL0007", "Missing ')'", DiagnosticSeverity.Error,
        "'(' is not closed; add ')' before the end of the line");
    public static readonly DiagnosticDescriptor DanglingThen = new("RL0008", "'then' without a step", DiagnosticSeverity.Error,
        "'then' must be followed by a step; remove it or add the step");
    public static readonly DiagnosticDescriptor MalformedNumber = new("RL0009", "Malformed number", DiagnosticSeverity.Error,
        "'{0}' is not a number; write one decimal point at most, e.g. 1.5");
    public static readonly DiagnosticDescriptor ThenBeforeFirstStep = new("RL0010", "'then' before the first step", DiagnosticSeverity.Warning,
        "'then' joins two steps; remove it before the first step");
    public static readonly DiagnosticDescriptor TooManyDiagnostics = new("RL0011", "Too many diagnostics", DiagnosticSeverity.Error,
        "{0} more diagnostics from here on are not shown ({1}): only the first {2} of a file are reported; fix the ones above and check again");

    // RL1xxx names
    public static readonly DiagnosticDescriptor UnknownOperation = new("RL1001", "Unknown operation", DiagnosticSeverity.Error,
        "Unknown operation '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownMaterial = new("RL1002", "Unknown material", DiagnosticSeverity.Error,
        "Unknown material '{0}'; known materials: {2}, or add it to recipelang.json{1}");
    public static readonly DiagnosticDescriptor UnknownName = new("RL1003", "Unknown name", DiagnosticSeverity.Error,
        "'{0}' is not something '{1}' takes: expected {2}{3}");
    public static readonly DiagnosticDescriptor UnknownDefect = new("RL1004", "Unknown defect", DiagnosticSeverity.Error,
        "Unknown defect '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownRecipe = new("RL1005", "Unknown recipe", DiagnosticSeverity.Error,
        "No recipe named '{0}'; define it or import the file that does{1}");
    public static readonly DiagnosticDescriptor ImportNotFound = new("RL1006", "Import not found", DiagnosticSeverity.Error,
        "Cannot find '{0}' (looked for {1}); check the path, which is relative to this file");
    public static readonly DiagnosticDescriptor UnknownUnit = new("RL1007", "Unknown unit", DiagnosticSeverity.Error,
        "Unknown unit '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownDopant = new("RL1008", "Unknown dopant", DiagnosticSeverity.Error,
        "'{0}' is not a catalogued dopant; known: {2}{1}");
    public static readonly DiagnosticDescriptor NoMaterial = new("RL1009", "No material", DiagnosticSeverity.Hint,
        "This recipe names no material, so material rules (anneal window, atmosphere, water sensitivity) are skipped; write 'recipe NAME for NCM523 {{ ... }}'");
    public static readonly DiagnosticDescriptor UnknownParameter = new("RL1010", "Unknown parameter", DiagnosticSeverity.Error,
        "'{0}' has no parameter '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownType = new("RL1011", "Unknown parameter type", DiagnosticSeverity.Error,
        "Unknown parameter type '{0}'; use one of: {2}{1}");

    // RL2xxx types and units
    public static readonly DiagnosticDescriptor WrongDimension = new("RL2001", "Wrong dimension", DiagnosticSeverity.Error,
        "'{0}' is a {1}, but '{2}' takes {3}");
    public static readonly DiagnosticDescriptor MissingParameter = new("RL2002", "Missing required parameter", DiagnosticSeverity.Error,
        "'{0}' needs {1}{2}");
    public static readonly DiagnosticDescriptor DuplicateParameter = new("RL2003", "Duplicate parameter", DiagnosticSeverity.Error,
        "'{0}' already has its {1}; remove one of them");
    public static readonly DiagnosticDescriptor MissingUnit = new("RL2004", "Number without a unit", DiagnosticSeverity.Error,
        "'{0}' has no unit; write it with one, e.g. {1}");
    public static readonly DiagnosticDescriptor ImpossibleValue = new("RL2005", "Impossible value", DiagnosticSeverity.Error,
        "{0} is impossible: {1}");
    public static readonly DiagnosticDescriptor MissingKeywordValue = new("RL2006", "Keyword without a value", DiagnosticSeverity.Error,
        "'{0}' must be followed by its value; write {1}");
    public static readonly DiagnosticDescriptor MaterialNeeded = new("RL2008", "Material needed to size the step", DiagnosticSeverity.Error,
        "{0} is sized per mole of the recipe's material ({1}), but the recipe names none; write 'recipe NAME for NCM523 {{ ... }}'{2}");
    public static readonly DiagnosticDescriptor NotLithiumSource = new("RL2009", "Not a lithium source", DiagnosticSeverity.Error,
        "'{0}' holds no lithium, but the {1} of {2} is the lithium source; use a lithium compound such as {3}");
    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = new("RL2007", "Argument does not fit the parameter", DiagnosticSeverity.Error,
        "'{0}' does not fit parameter '{1}' of type {2}");

    // RL3xxx process limits
    public static readonly DiagnosticDescriptor AnnealWindow = new("RL3001", "Anneal outside the material's window", DiagnosticSeverity.Warning,
        "{0} heats {1} to {2}, outside its anneal window {3} ({4}){5}");
    public static readonly DiagnosticDescriptor AnnealAtmosphere = new("RL3002", "Anneal atmosphere not allowed for the material", DiagnosticSeverity.Error,
        "{0} may be annealed only in {1} ({2}); {3}; use {4}");
    public static readonly DiagnosticDescriptor AutoclaveLimit = new("RL3003", "Autoclave limit exceeded", DiagnosticSeverity.Error,
        "{0}; {3} allows at most {1} ({2}); lower the temperature, bind another unit or change the site profile in recipelang.json");
    public static readonly DiagnosticDescriptor AutoclaveRoutine = new("RL3004", "Above the autoclave's routine limit", DiagnosticSeverity.Info,
        "{0} is above the liner's routine limit of {1} ({2} vapour ≈ {3} bar); allowed, but it shortens the PTFE liner's life");
    public static readonly DiagnosticDescriptor Solubility = new("RL3005", "Above solubility", DiagnosticSeverity.Warning,
        "{0} {1} is above its solubility of about {2} M ({3}); it is a suspension, not a solution; use at most {2} M");
    public static readonly DiagnosticDescriptor MoltenSaltFrozen = new("RL3006", "Molten salt below its melting point", DiagnosticSeverity.Error,
        "{0} does not melt at {1}: its melting point is {2} ({3}); raise the temperature above it");
    public static readonly DiagnosticDescriptor SaltDecomposes = new("RL3007", "Salt decomposes", DiagnosticSeverity.Warning,
        "{0} decomposes above {1} ({2}) and the step runs at {3}{4}; lower the temperature or choose another salt");
    public static readonly DiagnosticDescriptor UncataloguedEutectic = new("RL3008", "Eutectic not catalogued", DiagnosticSeverity.Warning,
        "The melting point of {0} is not catalogued (a eutectic melts below every component); check it, or add the mixture to recipelang.json");
    public static readonly DiagnosticDescriptor DopantLevel = new("RL3009", "Dopant level outside its usual range", DiagnosticSeverity.Warning,
        "{0} at {1} is outside the usual {2} ({3}){4}");
    public static readonly DiagnosticDescriptor TypicalRange = new("RL3010", "Outside the usual range", DiagnosticSeverity.Warning,
        "{0} {1} of {2} is outside the usual {3} ({4}){5}");
    public static readonly DiagnosticDescriptor FurnaceLimit = new("RL3011", "Furnace limit exceeded", DiagnosticSeverity.Error,
        "{0} is above {2}'s maximum of {1}; lower it, bind another unit or change the site profile in recipelang.json");
    public static readonly DiagnosticDescriptor GasUnavailable = new("RL3012", "Gas not available", DiagnosticSeverity.Error,
        "No {0} supply at {2} (available: {1}); use one of those, bind another unit or add it to recipelang.json");
    public static readonly DiagnosticDescriptor HardRange = new("RL3014", "Impossible for the process", DiagnosticSeverity.Error,
        "{0} {1} of {2} is outside {3} ({4})");
    public static readonly DiagnosticDescriptor ElectrodeRatio = new("RL3015", "Electrode ratio", DiagnosticSeverity.Warning,
        "{0}");
    public static readonly DiagnosticDescriptor PreferredAtmosphere = new("RL3017", "Not the preferred anneal atmosphere", DiagnosticSeverity.Info,
        "{0} is best annealed in {1} ({2}); {3} is allowed, but {1} gives the better-ordered lattice");
    public static readonly DiagnosticDescriptor CoatingAmount = new("RL3018", "Coating amount outside its usual range", DiagnosticSeverity.Warning,
        "{0} of {1} is outside its usual {2} ({3}){4}");
    public static readonly DiagnosticDescriptor ElectrochemicalBatch = new("RL3019", "Large electrochemical batch", DiagnosticSeverity.Info,
        "{0} relithiates a {1} batch electrochemically; above {2} ({3}) it is slow and the current density uneven; split the batch or use a bulk method");
    public static readonly DiagnosticDescriptor LithiumBalance = new("RL3020", "Li/TM after relithiation outside the target", DiagnosticSeverity.Warning,
        "{0} brings Li/TM from {1} to {2}, outside the target {3} ({4}); {5}");
    public static readonly DiagnosticDescriptor UnknownVapourPressure = new("RL3016", "Solvent vapour pressure unknown", DiagnosticSeverity.Warning,
        "The vapour pressure of {0} is not catalogued, so the autoclave's pressure cannot be checked; use a solvent with a catalogued curve ({1}) or verify the pressure against the vessel's rating");

    // RL4xxx sequence and defects
    public static readonly DiagnosticDescriptor FurnaceBeforeLithium = new("RL4001", "Furnace step before any lithium source", DiagnosticSeverity.Error,
        "{0} heats the Li-deficient material to {1} before any lithium source; a delithiated layered oxide turns to spinel/rock-salt and loses oxygen; relithiate first");
    public static readonly DiagnosticDescriptor PolymerBurnsOff = new("RL4002", "Polymer coating burnt off", DiagnosticSeverity.Error,
        "{0} at {1} destroys the {2} coating {3}, which survives only up to {4}; keep it below that, or coat after the hot steps");
    public static readonly DiagnosticDescriptor WetIntoFurnace = new("RL4003", "Wet material into the furnace", DiagnosticSeverity.Warning,
        "{0} follows the wet {1} with no wash/dry between; residual liquid boils and salts stay; insert 'dry 80C 12h vacuum'");
    public static readonly DiagnosticDescriptor NiRichWater = new("RL4004", "Ni-rich material in water without a later anneal", DiagnosticSeverity.Warning,
        "{0} exposes Ni-rich {1} to water (surface Li loss, Li2CO3/LiOH) and no anneal follows; add an anneal in O2 after it");
    public static readonly DiagnosticDescriptor DefectNotRepaired = new("RL4005", "Declared defect not repaired", DiagnosticSeverity.Warning,
        "No step repairs the declared defect '{0}'; {1}");
    public static readonly DiagnosticDescriptor NoLithiumReagent = new("RL4006", "Relithiation without lithium", DiagnosticSeverity.Warning,
        "{0} carries no lithium ({1}); with lithium_loss declared this relies on residual lithium in the black mass; add a lithium source such as LiOH");
    public static readonly DiagnosticDescriptor MixWithoutSinter = new("RL4007", "Lithium source never sintered", DiagnosticSeverity.Error,
        "{0} mixes a lithium source but no furnace step follows; add an anneal in the material's window after it");
    public static readonly DiagnosticDescriptor DopantNotDiffused = new("RL4008", "Dopant never diffused", DiagnosticSeverity.Warning,
        "{0} is not followed by a step at ≥ {1}, so the dopant stays on the surface; add an anneal after it");
    public static readonly DiagnosticDescriptor SaltNotWashed = new("RL4009", "Molten salt not washed off", DiagnosticSeverity.Warning,
        "{0} leaves residual salt and no wash follows; add 'wash water x3' after it");
    public static readonly DiagnosticDescriptor CoatBeforeReconstruction = new("RL4010", "Coating before a reconstruction step", DiagnosticSeverity.Warning,
        "{0} coats before {1}, which the coating blocks; coat last");
    public static readonly DiagnosticDescriptor SurfaceNeedsRelithiation = new("RL4011", "Surface reconstruction left as hydroxide", DiagnosticSeverity.Warning,
        "{0} turns the surface into hydroxide precursor and no relithiation or anneal follows; add an anneal after it");

    // RL5xxx hygiene
    public static readonly DiagnosticDescriptor UnusedLet = new("RL5001", "Unused constant", DiagnosticSeverity.Warning,
        "'{0}' is never used; remove it or use it in a step");
    public static readonly DiagnosticDescriptor DuplicateRecipe = new("RL5002", "Duplicate recipe", DiagnosticSeverity.Error,
        "A recipe named '{0}' already exists; rename one of them");
    public static readonly DiagnosticDescriptor ImportCycle = new("RL5003", "Import cycle", DiagnosticSeverity.Error,
        "Importing '{0}' closes a cycle ({1}); move the shared recipes into a file both can import");
    public static readonly DiagnosticDescriptor RecursiveUse = new("RL5004", "Recipe uses itself", DiagnosticSeverity.Error,
        "'{0}' uses itself through {1}; a recipe cannot contain itself");
    public static readonly DiagnosticDescriptor DuplicateLet = new("RL5005", "Duplicate constant", DiagnosticSeverity.Error,
        "A constant named '{0}' already exists; rename one of them");

    // RL51xx suppression comments (# recipelang-disable-next-line CODE: reason)
    public static readonly DiagnosticDescriptor UnusedSuppression = new("RL5101", "Unused suppression", DiagnosticSeverity.Warning,
        "{0} is not reported on line {1}, so this suppression does nothing; remove it");
    public static readonly DiagnosticDescriptor SuppressionWithoutReason = new("RL5102", "Suppression without a reason", DiagnosticSeverity.Warning,
        "Say why {0} is accepted here: '# recipelang-disable-next-line {0}: reason'");
    public static readonly DiagnosticDescriptor InvalidSuppression = new("RL5103", "Invalid suppression", DiagnosticSeverity.Error,
        "{0}");

    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> ByCode = new(() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase));

    public static IEnumerable<DiagnosticDescriptor> All => ByCode.Value.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    public static DiagnosticDescriptor? Find(string code) => ByCode.Value.GetValueOrDefault(code);
}
