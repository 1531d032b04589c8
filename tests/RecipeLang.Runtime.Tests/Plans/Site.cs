using RecipeLang.Runtime;

namespace RecipeLang.Runtime.Tests.Plans;

/// <summary>
/// The site profile the tests run under: the default PTFE-lined autoclave (240 °C, 30 bar) and a
/// 1100 °C furnace (process-rules.md).
/// </summary>
public static class Site
{
    public static EquipmentLimits Limits { get; } = new(1100, 240, 30, ["O2", "air", "N2", "Ar"]);
}
