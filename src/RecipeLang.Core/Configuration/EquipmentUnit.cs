using RecipeLang.Catalog;

namespace RecipeLang.Configuration;

/// <summary>
/// One equipment unit of the site (ISA-88): an id (furnace-2), its class (what recipes are written against),
/// its own limits and gases where they differ from the site-wide profile, and its controller's address.
/// </summary>
/// <param name="Line">1-based line of the unit's entry in recipelang.json, for messages.</param>
public sealed record EquipmentUnit(string Id, string Class, double? MaxC, double? MaxBar, IReadOnlyList<string>? Gases, string? Controller, int Line, int Column)
{
    public static IReadOnlyList<string> Classes { get; } = ["furnace", "autoclave", "cell", "mixer", "dryer"];

    /// <summary>The site profile with this unit's limits in place of the site-wide ones of its class.</summary>
    public EquipmentProfile Apply(EquipmentProfile profile) => Class switch
    {
        "furnace" => profile with { FurnaceMaxC = MaxC ?? profile.FurnaceMaxC, Gases = Gases ?? profile.Gases, FurnaceUnit = Id },
        "autoclave" => profile with { AutoclaveMaxC = MaxC ?? profile.AutoclaveMaxC, AutoclaveMaxBar = MaxBar ?? profile.AutoclaveMaxBar, AutoclaveUnit = Id },
        _ => profile,
    };

    public override string ToString()
    {
        var limits = new List<string>();
        if (MaxC is { } c)
            limits.Add($"≤ {c:0.##} °C");
        if (MaxBar is { } bar)
            limits.Add($"≤ {bar:0.##} bar");
        if (Gases is { } gases)
            limits.Add($"gases {string.Join(", ", gases)}");
        return limits.Count == 0 ? $"{Id} ({Class})" : $"{Id} ({Class}, {string.Join(", ", limits)})";
    }
}
