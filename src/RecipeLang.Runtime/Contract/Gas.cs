namespace RecipeLang.Runtime;

/// <summary>
/// A process atmosphere by name ("O2", "air", "N2", "Ar"), compared without regard to case,
/// the way site profiles spell them.
/// </summary>
public readonly record struct Gas
{
    private Gas(string name) => Name = name;

    public string Name { get; }

    public static Gas Air { get; } = new("air");
    public static Gas Oxygen { get; } = new("O2");
    public static Gas Nitrogen { get; } = new("N2");
    public static Gas Argon { get; } = new("Ar");

    /// <summary>No gas: the vessel is evacuated. Always allowed; not part of a site's gas list.</summary>
    public static Gas Vacuum { get; } = new("vacuum");

    public static Gas Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Gas(name.Trim());
    }

    public bool IsInert => Is("N2") || Is("Ar");

    public bool IsVacuum => Is("vacuum");

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public bool Equals(Gas other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name ?? "");

    public override string ToString() => Name ?? "";
}
