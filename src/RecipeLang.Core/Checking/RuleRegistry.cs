using System.Diagnostics.CodeAnalysis;

namespace RecipeLang.Checking;

/// <summary>
/// Every rule the checker runs: each concrete <see cref="Rule"/> of this assembly, found once by reflection and ordered
/// by code, so a new rule class cannot be forgotten in a list.
/// </summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> All { get; } = Discover();

    public static IReadOnlyList<RecipeRule> Recipes { get; } = [.. All.OfType<RecipeRule>()];

    public static IReadOnlyList<FileRule> Files { get; } = [.. All.OfType<FileRule>()];

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Rule classes are public types of this assembly, kept with it.")]
    private static List<Rule> Discover() =>
        [.. typeof(Rule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Descriptor.Code, StringComparer.Ordinal)
            .ThenBy(r => r.GetType().Name, StringComparer.Ordinal)];
}
