using RecipeLang.Binding;
using RecipeLang.Syntax;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// The number a step statement has in its recipe's expanded step list: <c>3.</c> for a step, <c>4–5.</c> for a
/// <c>use</c> that brings in two steps. Document symbols and inlay hints both read it, so they never disagree.
/// </summary>
public static class StepNumbers
{
    /// <summary>Each statement of the file's recipes that has steps, with its label, in order.</summary>
    public static Dictionary<StatementSyntax, string> For(IEnumerable<BoundRecipe> recipes)
    {
        var labels = new Dictionary<StatementSyntax, string>();
        foreach (var recipe in recipes)
        {
            foreach (var group in recipe.Steps.GroupBy(s => (StatementSyntax?)s.Via ?? s.Syntax))
            {
                var first = group.First().Index + 1;
                var last = group.Last().Index + 1;
                labels.TryAdd(group.Key, first == last ? $"{first}." : $"{first}–{last}.");
            }
        }
        return labels;
    }
}
