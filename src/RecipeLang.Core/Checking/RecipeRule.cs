using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking;

/// <summary>
/// One check over a bound recipe. A rule is a small sealed class in Rules/ named after what it checks; it
/// reads only the bound recipe, the catalog and the site profile, and reports through its context.
/// Adding a rule touches its file, its descriptor in <see cref="Descriptors"/> and <see cref="RuleRegistry"/>.
/// </summary>
public abstract class RecipeRule(DiagnosticDescriptor descriptor)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    public abstract void Check(RuleContext context, BoundRecipe recipe);
}
