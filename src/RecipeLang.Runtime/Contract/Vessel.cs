namespace RecipeLang.Runtime;

/// The vessels of a regeneration line. A site maps each to its hardware.
public enum Vessel
{
    Furnace,
    Autoclave,
    Cell,
    Mixer,
    Dryer,
}
