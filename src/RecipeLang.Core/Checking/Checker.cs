using System.Collections.Immutable;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Configuration;
using RecipeLang.Diagnostics;

namespace RecipeLang.Checking;

/// <summary>Runs every rule over every recipe of a bound file and applies the site's configured severities.</summary>
public static class Checker
{
    public static ImmutableArray<Diagnostic> Check(BoundFile file, RecipeCatalog catalog, SiteConfig? site = null)
    {
        var diagnostics = new List<Diagnostic>();
        var context = new RuleContext(catalog, file.Tree.Source, diagnostics.Add);
        foreach (var recipe in file.Recipes)
        {
            foreach (var rule in RuleRegistry.Recipes)
            {
                rule.Check(context, recipe);
            }
        }
        foreach (var rule in RuleRegistry.Files)
        {
            rule.Check(context, file);
        }
        return [.. Configure(diagnostics.Concat(file.Diagnostics), site)];
    }

    /// <summary>The rules' diagnostics for one recipe, before the site's severities (an incremental analysis checks only the recipes it bound again).</summary>
    internal static ImmutableArray<Diagnostic> CheckRecipe(BoundRecipe recipe, RecipeCatalog catalog, Text.SourceText source)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var context = new RuleContext(catalog, source, diagnostics.Add);
        foreach (var rule in RuleRegistry.Recipes)
        {
            rule.Check(context, recipe);
        }
        return diagnostics.ToImmutable();
    }

    /// <summary>The file rules' diagnostics, before the site's severities.</summary>
    internal static ImmutableArray<Diagnostic> CheckFile(BoundFile file, Func<BoundFile> withRecipes, RecipeCatalog catalog)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var context = new RuleContext(catalog, file.Tree.Source, diagnostics.Add);
        foreach (var rule in RuleRegistry.Files)
        {
            rule.Check(context, rule.ReadsRecipes ? withRecipes() : file);
        }
        return diagnostics.ToImmutable();
    }

    /// <summary>Applies <c>rules</c> from recipelang.json: a new severity, or off. Syntax errors keep theirs.</summary>
    public static IEnumerable<Diagnostic> Configure(IEnumerable<Diagnostic> diagnostics, SiteConfig? site)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (site is null || !diagnostic.Descriptor.IsConfigurable)
            {
                yield return diagnostic;
                continue;
            }
            var severity = site.SeverityFor(diagnostic.Code, diagnostic.Severity);
            if (severity is { } configured)
            {
                yield return diagnostic with { Severity = configured };
            }
        }
    }
}
