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
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(0); // most recipes have none or one
        var context = new RuleContext(catalog, source, diagnostics.Add);
        // An index loop: a foreach over the read-only list would allocate an enumerator per recipe.
        var rules = RuleRegistry.Recipes;
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Check(context, recipe);
        }
        return diagnostics.DrainToImmutable();
    }

    /// <summary>The file rules' diagnostics, before the site's severities.</summary>
    internal static ImmutableArray<Diagnostic> CheckFile(BoundFile file, Lazy<BoundFile> withRecipes, RecipeCatalog catalog)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(0);
        var context = new RuleContext(catalog, file.Tree.Source, diagnostics.Add);
        var rules = RuleRegistry.Files;
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Check(context, rules[i].ReadsRecipes ? withRecipes.Value : file);
        }
        return diagnostics.DrainToImmutable();
    }

    /// <summary>Applies <c>rules</c> from recipelang.json: a new severity, or off. Syntax errors keep theirs.</summary>
    public static IEnumerable<Diagnostic> Configure(IEnumerable<Diagnostic> diagnostics, SiteConfig? site)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Configure(diagnostic, site) is { } configured)
            {
                yield return configured;
            }
        }
    }

    /// <summary>Adds the diagnostics with the site's severities to a list (an analysis gathers several lists into one).</summary>
    internal static void AddConfigured(List<Diagnostic> to, ReadOnlySpan<Diagnostic> diagnostics, SiteConfig? site)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (Configure(diagnostic, site) is { } configured)
            {
                to.Add(configured);
            }
        }
    }

    /// <summary>The diagnostic with the site's severity; null when the site turns its code off.</summary>
    private static Diagnostic? Configure(Diagnostic diagnostic, SiteConfig? site)
    {
        if (site is null || !diagnostic.Descriptor.IsConfigurable)
        {
            return diagnostic;
        }
        var severity = site.SeverityFor(diagnostic.Code, diagnostic.Severity);
        return severity is not { } configured ? null : configured == diagnostic.Severity ? diagnostic : diagnostic with { Severity = configured };
    }
}
