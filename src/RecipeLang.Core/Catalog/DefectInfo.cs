using RecipeLang.Units;

namespace RecipeLang.Catalog;

/// <summary>A degradation mode a recipe declares (<c>defects lithium_loss(li_tm = 0.62)</c>) and must repair.</summary>
public sealed record DefectInfo(string Name, string Description, string Source, IReadOnlyList<DefectParameterInfo> Parameters);

/// <summary>A measured value a defect may carry; <see cref="Valid"/> is its physically meaningful range.</summary>
public sealed record DefectParameterInfo(string Name, Dimension Dimension, Range Valid, string Doc);
