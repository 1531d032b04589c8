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
