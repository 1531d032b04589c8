using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RecipeLang.Runtime;

/// <summary>The site's equipment maxima that the run-time interlocks enforce, and the profile a plan is stamped with.</summary>
public sealed class EquipmentLimits
{
    public EquipmentLimits(double furnaceMaxC, double autoclaveMaxC, double autoclaveMaxBar, IEnumerable<string> allowedGases)
    {
        RequirePositive(furnaceMaxC, nameof(furnaceMaxC));
        RequirePositive(autoclaveMaxC, nameof(autoclaveMaxC));
        RequirePositive(autoclaveMaxBar, nameof(autoclaveMaxBar));
        FurnaceMaxC = furnaceMaxC;
        AutoclaveMaxC = autoclaveMaxC;
        AutoclaveMaxBar = autoclaveMaxBar;
        AllowedGases = CanonicalGases(allowedGases);
        Hash = ComputeHash(furnaceMaxC, autoclaveMaxC, autoclaveMaxBar, allowedGases);
    }

    public double FurnaceMaxC { get; }
    public double AutoclaveMaxC { get; }
    public double AutoclaveMaxBar { get; }

    /// <summary>Gas names as the canonical form has them: trimmed, distinct ignoring case, sorted.</summary>
    public IReadOnlyList<string> AllowedGases { get; }

    /// <summary>ComputeHash of these values.</summary>
    public string Hash { get; }

    public bool Allows(Gas gas) => gas.IsVacuum || AllowedGases.Any(gas.Is);

    /// <summary>
    /// SHA-256, lower-case hex, of the UTF-8 bytes of this canonical text (each line ends in "\n",
    /// no byte-order mark, no other whitespace):
    ///
    ///     furnace_max_c=1100
    ///     autoclave_max_c=240
    ///     autoclave_max_bar=30
    ///     allowed_gases=AIR,AR,N2,O2
    ///
    /// Numbers: double.ToString("R", CultureInfo.InvariantCulture) (shortest round-trip: "1100", "22.5").
    /// Gases: each trimmed and upper-cased (invariant), duplicates dropped, sorted ordinally, joined by ","
    /// (an empty list gives "allowed_gases=").
    /// Any project that checks recipes against a profile must hash it with exactly this function (or
    /// this exact text) so that the executor recognises the stamp.
    /// </summary>
    public static string ComputeHash(double furnaceMaxC, double autoclaveMaxC, double autoclaveMaxBar, IEnumerable<string> allowedGases)
    {
        var text = new StringBuilder()
            .Append("furnace_max_c=").Append(Number(furnaceMaxC)).Append('\n')
            .Append("autoclave_max_c=").Append(Number(autoclaveMaxC)).Append('\n')
            .Append("autoclave_max_bar=").Append(Number(autoclaveMaxBar)).Append('\n')
            .Append("allowed_gases=").AppendJoin(',', CanonicalGases(allowedGases).Select(g => g.ToUpperInvariant())).Append('\n')
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public override string ToString() =>
        $"furnace ≤ {Number(FurnaceMaxC)} °C, autoclave ≤ {Number(AutoclaveMaxC)} °C and ≤ {Number(AutoclaveMaxBar)} bar, gases {string.Join(", ", AllowedGases)}";

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(name, value, $"An equipment limit must be a positive number; {name} is {value}.");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string[] CanonicalGases(IEnumerable<string> gases) =>
        gases.Select(g => g.Trim())
            .Where(g => g.Length > 0)
            .DistinctBy(g => g.ToUpperInvariant())
            .OrderBy(g => g.ToUpperInvariant(), StringComparer.Ordinal)
            .ToArray();
}
