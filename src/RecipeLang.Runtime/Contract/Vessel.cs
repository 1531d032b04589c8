namespace RecipeLang.Runtime;

/// <summary>The vessels of a regeneration line. A site maps each to its hardware.</summary>
public enum Vessel
{
    Furnace,
    Autoclave,
    Cell,
    Mixer,
    Dryer,
}
