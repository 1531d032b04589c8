namespace RecipeLang.Catalog;

/// <summary>An electrode binder. Elastic binders accommodate particle cracking.</summary>
public sealed record BinderInfo(string Name, IReadOnlyList<string> Aliases, double SurvivesUpToC, bool Elastic, string Source, string? Notes);
