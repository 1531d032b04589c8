using System.Collections.Immutable;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler.Lowering;

/// <summary>One recipe step as controller verbs, with where it is written.</summary>
/// <param name="Description">The step as written in the recipe (normalised whitespace).</param>
/// <param name="Line">1-based line in <see cref="LoweredRecipe.SourcePath"/>.</param>
public sealed record LoweredStep(int Index, string Operation, string Description, int Line, int Column, ImmutableArray<Verb> Verbs);

/// <summary>
/// A checked recipe lowered to controller verbs: what the C# emitter, the bill of materials and the
/// procedure are all rendered from.
/// </summary>
/// <param name="SourcePath">The recipe file as the user named it; appears in #line directives and in each step's SourceLocation (fault messages, the journal).</param>
/// <param name="SourceSha256">SHA-256 (lower-case hex) of the recipe file's UTF-8 text.</param>
/// <param name="ProfileHash">The equipment profile's stamp (RecipeLang.Runtime.EquipmentLimits.ComputeHash).</param>
/// <param name="BatchGrams">The recipe's batch in grams, when it declares one.</param>
/// <param name="Assumptions">Values the lowering chose because the recipe left them open, for the BOM and procedure.</param>
public sealed record LoweredRecipe(
    string Name,
    string Material,
    string SourcePath,
    string SourceSha256,
    string ProfileHash,
    double? BatchGrams,
    ImmutableArray<string> Notes,
    ImmutableArray<LoweredStep> Steps,
    ImmutableArray<string> Assumptions)
{
    /// <summary>
    /// When compiled for a site's units (compile --site): the binding ("furnace → furnace-2 (...); ...") and the SHA-256
    /// of the site config, written into the plan's header. The enforced stamp is ProfileHash, made from the bound units' limits.
    /// </summary>
    public string? Binding { get; init; }

    public string? SiteConfigSha256 { get; init; }

    /// <summary>When compiled for a site's units: the unit id that plays each vessel, stated in the plan as data.</summary>
    public IReadOnlyDictionary<Vessel, string>? Units { get; init; }
}
