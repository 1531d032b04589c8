using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecipeLang.Catalog;

/// <summary>
/// The site's equipment limits. The checker turns them into errors; a compiled plan is stamped with
/// <see cref="ComputeHash"/> so the executor refuses to run it under another profile.
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
        AutoclaveFillRatio: new Range(60, 80, "%", "process-rules.md: autoclave fill ratio 60–80 % of the vessel volume [textbook]"),
        Gases: ["O2", "air", "N2", "Ar"],
        SolidLiquidRatioGPerL: null,
        Source: "site default: furnace 1100 °C; PTFE-lined autoclave 240 °C maximum, 200 °C routine, 30 bar "
            + "[process-rules.md: vendor data for PTFE-lined hydrothermal autoclaves]");

    /// <summary>
    /// Lowercase hex SHA-256 of the profile's canonical text, UTF-8:
    /// <c>furnaceMaxC=1100;autoclaveMaxC=240;autoclaveMaxBar=30;gases=Ar,N2,O2,air</c> — numbers in
    /// invariant culture with the round-trip format "R", gases sorted ordinally (so upper case first) and
    /// joined by commas, no spaces, no trailing separator. The runtime computes the same text.
    /// </summary>
    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText())));

    public string CanonicalText() =>
        $"furnaceMaxC={Number(FurnaceMaxC)};autoclaveMaxC={Number(AutoclaveMaxC)};autoclaveMaxBar={Number(AutoclaveMaxBar)};"
        + $"gases={string.Join(',', Gases.Order(StringComparer.Ordinal))}";

    public bool HasGas(string atmosphere) => Gases.Contains(atmosphere, StringComparer.OrdinalIgnoreCase);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
