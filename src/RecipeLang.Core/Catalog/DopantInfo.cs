namespace RecipeLang.Catalog;

/// <summary>A dopant element with its usual level (mol% of transition metal).</summary>
public sealed record DopantInfo(string Element, Range UsualMolPercent, string Source);
