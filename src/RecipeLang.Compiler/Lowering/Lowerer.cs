using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>
/// Turns a checked recipe into controller verbs by its operations' templates (<see cref="LoweringTemplates"/>),
/// charging the batch and moving its solids to each verb's vessel on the way.
/// </summary>
public static partial class Lowerer
{
    public static LoweredRecipe Lower(BoundRecipe recipe, EquipmentProfile profile, string sourcePath)
    {
        var assumptions = new List<string>();
        var context = new LoweringContext(recipe, profile, assumptions);
        if (recipe.Batch is null)
        {
            assumptions.Add(FormattableString.Invariant($"batch not given: {context.BatchGrams:0.###} g ({LoweringDefaults.Source})"));
        }
        var steps = recipe.Steps.Select(step =>
        {
            context.Step = step;
            if (!LoweringTemplates.ByOperation.TryGetValue(step.Name, out var templates))
            {
                throw new LoweringException($"{step.Describe()}: no lowering template for operation '{step.Name}'.");
            }
            var verbs = ImmutableArray.CreateBuilder<Verb>();
            foreach (var t in templates.Where(t => (t.When is null || step.Has(t.When)) && (t.Unless is null || !step.Has(t.Unless))))
            {
                if (context.BringSolidsTo(t.Vessel) is { } move)
                {
                    verbs.Add(move);
                }
                verbs.Add(new Verb(t.Kind, t.Vessel, [.. t.Arguments.Select(a => a.Resolve(context))]));
            }
            // A step that came through `use` is located at the use statement in this file.
            var at = step.Via is null ? step.Start : recipe.Source.GetPosition(step.Via.Span.Start);
            return new LoweredStep(step.Index, step.Name, Describe(step), at.Line + 1, at.Character + 1, verbs.ToImmutable());
        }).ToImmutableArray();
        return new LoweredRecipe(
            recipe.Name,
            recipe.Material?.Name ?? "",
            sourcePath,
            Sha256(recipe.Source.Text),
            ProfileHash(profile),
            recipe.Batch is { } batch && batch.TryConvertTo("g", out var grams) ? grams.Value : null,
            recipe.Notes,
            steps,
            [.. assumptions]);
    }

    /// <summary>The limits the runtime's interlocks enforce for a site profile: the one mapping of profile keys to them.</summary>
    public static EquipmentLimits Limits(EquipmentProfile profile) =>
        new(profile.FurnaceMaxC, profile.AutoclaveMaxC, profile.AutoclaveMaxBar, profile.Gases);

    /// <summary>The stamp the executor compares: the runtime's hash of the limits it enforces.</summary>
    public static string ProfileHash(EquipmentProfile profile) => Limits(profile).Hash;

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The step's text from its operation word (without a leading <c>then</c>), on one line.</summary>
    private static string Describe(BoundStep step)
    {
        var start = step.Syntax.Operation.Span.Start;
        return Whitespace().Replace(step.Source.Substring(start, step.Syntax.Span.End - start), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
