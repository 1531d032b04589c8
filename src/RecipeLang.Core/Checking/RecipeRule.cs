using RecipeLang.Binding;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking;

/// <summary>
/// One check, with the descriptor of the diagnostic it reports. A rule is a small sealed class in Rules/ named after
/// what it checks; it reads only the bound model, the catalog and the site profile, and reports through its context.
/// Adding a rule touches its file and its descriptor in <see cref="Descriptors"/>; <see cref="RuleRegistry"/> finds it.
/// </summary>
public abstract class Rule(DiagnosticDescriptor descriptor, params DiagnosticDescriptor[] related)
{
    public DiagnosticDescriptor Descriptor { get; } = descriptor;

    /// <summary>Every code this rule reports: its own, then closely related ones (a usual-range warning beside an error).</summary>
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [descriptor, .. related];
}

/// <summary>A rule over one bound recipe (its steps as they will run, <c>use</c> expanded).</summary>
public abstract class RecipeRule(DiagnosticDescriptor descriptor, params DiagnosticDescriptor[] related) : Rule(descriptor, related)
{
    public abstract void Check(RuleContext context, BoundRecipe recipe);
}

/// <summary>A rule over a whole bound file: what no single recipe shows, such as a constant that no recipe reads.</summary>
public abstract class FileRule(DiagnosticDescriptor descriptor) : Rule(descriptor)
{
    /// <summary>
    /// False for a rule that reads only the tree, scope, constants and <see cref="BoundFile.UsedConstants"/>: an
    /// incremental analysis then checks it without binding the recipes it reused again.
    /// </summary>
    public virtual bool ReadsRecipes => true;

    public abstract void Check(RuleContext context, BoundFile file);
}
