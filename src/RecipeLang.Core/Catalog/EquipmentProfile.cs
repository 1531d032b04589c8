namespace RecipeLang.Catalog;

/// <summary>
/// The site's equipment limits. The checker turns them into errors; the compiler stamps a plan with the
/// runtime's hash of the limits the executor enforces (RecipeLang.Runtime.EquipmentLimits.ComputeHash, one
/// definition for both sides), so the executor refuses to run it under another profile.
/// </summary>
/// <param name="AutoclaveRoutineMaxC">Above this the liner is outside routine use (info).</param>
/// <param name="AutoclaveFillRatio">Fill ratio window of the autoclave in %; above its Max is an error.</param>
/// <param name="Gases">Atmospheres the site's furnaces can supply (catalog atmosphere names).</param>
/// <param name="SolidLiquidRatioGPerL">The site's usual solids loading, when it has one (for bills of materials).</param>
/// <param name="Source">Where these numbers come from: the defaults, or the site's config file.</param>
public sealed record EquipmentProfile(
    double FurnaceMaxC,
    double AutoclaveMaxC,
    double AutoclaveRoutineMaxC,
    double AutoclaveMaxBar,
    Range AutoclaveFillRatio,
    IReadOnlyList<string> Gases,
    double? SolidLiquidRatioGPerL,
    string Source)
{
    public static EquipmentProfile Default { get; } = new(
        FurnaceMaxC: 1100,
        AutoclaveMaxC: 240,
        AutoclaveRoutineMaxC: 200,
        AutoclaveMaxBar: 30,
        AutoclaveFillRatio: new Range(50, 80, "%", "vendor safety notes for lined hydrothermal reactors: fill 50–80 % of the liner; above 80 % the pressure climbs steeply when hot, below 50 % the liquid mixes poorly (http://www.ncbearing.com/Article-4254435.html)"),
        Gases: ["O2", "air", "N2", "Ar"],
        SolidLiquidRatioGPerL: null,
        Source: "assumption: site default, furnace 1100 °C and autoclave 30 bar until the site states its own ratings; "
            + "PTFE-lined autoclave 240 °C maximum, 200 °C safe (vendor data, Nanografi, "
            + "https://nanografi.com/blog/applications-of-hydrothermal-synthesis-autoclave-reactors-/)");

    /// <summary>Furnace gas flow, L/min, when the site sets one (else the compiler's engineering default).</summary>
    public double? GasFlowLPerMin { get; init; }

    /// <summary>Wash liquid per wash, mL per g of batch, when the site sets one.</summary>
    public double? WashMlPerGram { get; init; }

    /// <summary>Stirrer speed of mixing steps, rpm, when the site sets one.</summary>
    public double? StirRpm { get; init; }

    /// <summary>A furnace or autoclave is cooled below this, °C, before it is opened, when the site sets it.</summary>
    public double? OpenBelowC { get; init; }

    // The rated heater powers only size the bill of materials' energy estimate; the executor enforces
    // nothing with them, so they stay out of EquipmentLimits.ComputeHash: a site that re-rates a heater
    // must not invalidate every compiled plan.

    /// <summary>Rated heater power of the furnace, kW, when the site sets it (for the energy estimate).</summary>
    public double? FurnaceHeaterKw { get; init; }

    /// <summary>Rated heater power of the autoclave's heating jacket or oven, kW, when the site sets it.</summary>
    public double? AutoclaveHeaterKw { get; init; }

    /// <summary>Rated heater power of the drying oven, kW, when the site sets it.</summary>
    public double? DryerHeaterKw { get; init; }

    /// <summary>Rated heater power of the mixer's hot plate or bath, kW, when the site sets it.</summary>
    public double? MixerHeaterKw { get; init; }

    /// <summary>The site unit that plays the furnace when a plan is compiled for units (compile --unit), else null.</summary>
    public string? FurnaceUnit { get; init; }

    /// <summary>The site unit that plays the autoclave when a plan is compiled for units, else null.</summary>
    public string? AutoclaveUnit { get; init; }

    /// <summary>The furnace as messages name it: the bound unit, or the site's furnace.</summary>
    public string FurnaceName => FurnaceUnit is { } id ? $"furnace unit {id}" : "the site furnace";

    /// <summary>The autoclave as messages name it: the bound unit, or the site's autoclave.</summary>
    public string AutoclaveName => AutoclaveUnit is { } id ? $"autoclave unit {id}" : "the site autoclave";

    public bool HasGas(string atmosphere) => Gases.Contains(atmosphere, StringComparer.OrdinalIgnoreCase);
}
