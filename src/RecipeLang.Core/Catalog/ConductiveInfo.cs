namespace RecipeLang.Catalog;

/// <summary>A conductive additive and the geometry of the network it builds (point, line or plane).</summary>
public sealed record ConductiveInfo(string Name, string Geometry, string Source, string? Notes);
