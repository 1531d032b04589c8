using System.Globalization;
using System.Text;
using RecipeLang.Compiler.Lowering;

namespace RecipeLang.Compiler.Output;

/// <summary>A Markdown procedure for the lab notebook, rendered from the same lowered steps as the C# plan.</summary>
public static class ProcedureWriter
{
    public static string Write(LoweredRecipe recipe, BillOfMaterials bill)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {Escape(recipe.Name)}");
        md.AppendLine();
        md.AppendLine($"- Material: {Escape(recipe.Material.Length == 0 ? "not named" : recipe.Material)}");
        md.AppendLine(Invariant($"- Batch: {bill.BatchGrams:0.###} g"));
        md.AppendLine($"- Recipe: `{recipe.SourcePath.Replace("`", "'")}` (SHA-256 {recipe.SourceSha256})");
        md.AppendLine($"- Equipment profile: {recipe.ProfileHash}");
        foreach (var note in recipe.Notes)
        {
            md.AppendLine($"- Note: {Escape(note)}");
        }
        md.AppendLine();
        md.AppendLine("## Materials");
        md.AppendLine();
        md.AppendLine("```");
        md.Append(bill.ToText());
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("## Steps");
        md.AppendLine();
        foreach (var step in recipe.Steps)
        {
            md.AppendLine($"{step.Index + 1}. **{Escape(step.Description)}** (line {step.Line})");
            foreach (var verb in step.Verbs)
            {
                md.AppendLine($"   - [ ] {Escape(Sentence(verb))}");
            }
        }
        return md.ToString();
    }

    /// <summary>A verb as an operator reads it.</summary>
    public static string Sentence(Verb verb)
    {
        var a = verb.Arguments;
        var vessel = verb.Vessel.ToString().ToLowerInvariant();
        return verb.Kind switch
        {
            VerbKind.Charge => $"Charge {a[1]} of {a[0]} into the {vessel}.",
            VerbKind.ChargeSolution => $"Charge {a[2]} of {a[1]} {a[0]} solution into the {vessel}.",
            VerbKind.SetAtmosphere => $"Set the {vessel} atmosphere to {a[0]} at {a[1]}.",
            VerbKind.Ramp => $"Ramp the {vessel} to {a[0]} at {a[1]}.",
            VerbKind.Hold => $"Hold the {vessel} for {a[0]}.",
            VerbKind.Cool => $"Let the {vessel} cool to {a[0]}.",
            VerbKind.Seal => $"Seal the {vessel}.",
            VerbKind.Vent => $"Vent the {vessel}.",
            VerbKind.Purge => $"Purge the {vessel} with {a[0]}.",
            VerbKind.ApplyCurrent => $"Apply {a[0]} to the {vessel} until {a[1]} or {a[2]}.",
            VerbKind.ApplyPotential => $"Hold the {vessel} at {a[0]} for {a[1]}.",
            VerbKind.Stir => $"Stir the {vessel} at {a[0]} for {a[1]}.",
            VerbKind.Sonicate => $"Sonicate the {vessel} for {a[0]}.",
            VerbKind.Wash => $"Wash the solids in the {vessel} with {a[1]} of {a[0]}, {a[2]}.",
            VerbKind.Dry => $"Dry in the {vessel} at {a[0]} for {a[1]}{(a[2].Number != 0 ? " under vacuum" : "")}.",
            VerbKind.Transfer => $"Transfer the solids from the {vessel} to the {a[0].Text!.ToLowerInvariant()}.",
            _ => verb.ToString(),
        };
    }

    /// <summary>Recipe text in Markdown: characters that would start markup or HTML are escaped.</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]<>()#+-!|~".Contains(c))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
