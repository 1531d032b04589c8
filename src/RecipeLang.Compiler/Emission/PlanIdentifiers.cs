using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RecipeLang.Compiler.Emission;

/// <summary>Class names for recipes: PascalCase letters and digits of the recipe name, never its raw text, unique in one assembly.</summary>
public sealed class PlanIdentifiers
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string ClassFor(string recipeName)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in recipeName)
        {
            if (c < 128 && char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        var stem = builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "Recipe" + builder : builder.ToString();
        stem += "Plan";
        var name = stem;
        for (var n = 2; !_used.Add(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None; n++)
        {
            name = stem + n;
        }
        return name;
    }
}
