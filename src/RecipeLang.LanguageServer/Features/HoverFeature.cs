using RecipeLang.Checking;
using System.Text;
using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Navigation;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Summary;
using RecipeLang.Syntax;
using RecipeLang.Units;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// Hover: operation docs with parameter ranges and sources, quantities in other units, materials, reagents, and
/// the names a file declares or imports: recipes (local or imported), <c>let</c> constants and recipe parameters.
/// </summary>
public static class HoverFeature
{
    public static Hover? Hover(DocumentStore documents, DocumentAnalysis analysis, int offset)
    {
        if (analysis.Tree.FindToken(offset) is not { } token)
        {
            return null;
        }
        var catalog = analysis.Catalog;
        var root = analysis.Tree.Root;
        var text = Declared(documents, analysis, offset) ?? Describe(analysis, catalog, root, token);
        return text is null ? null : new Hover(new MarkupContent("markdown", text), analysis.Source.ToRange(token.Span));
    }

    /// <summary>A recipe, constant or parameter under the cursor, resolved like go-to-definition (through imports).</summary>
    private static string? Declared(DocumentStore documents, DocumentAnalysis analysis, int offset)
    {
        var symbol = SymbolFinder.FindSymbol(documents.Workspace, analysis, offset);
        if (symbol is null)
        {
            return null;
        }
        var declaring = symbol.Path == analysis.Source.Path ? analysis : documents.AnalyzePath(symbol.Path);
        if (declaring is null)
        {
            return null;
        }
        var where = declaring == analysis ? "" : $"\n\n_Defined in {Path.GetFileName(symbol.Path)}_";
        switch (symbol.Kind)
        {
            case SymbolKind.Recipe when declaring.RecipesIn(symbol.NameSpan).FirstOrDefault(r => r.Name == symbol.Name && r.Syntax?.Name.Span == symbol.NameSpan) is { } recipe:
                var summary = RecipeSummary.Create(recipe, declaring.Catalog);
                return $"**recipe** `{summary.Name}`{(summary.Material is null ? "" : " for " + summary.Material)}\n\n{summary.Steps.Count} steps, {summary.TotalDuration.TotalHours:0.##} h, peak {(summary.PeakTemperatureC is { } peak ? $"{peak:0} °C" : "none")}{where}";
            case SymbolKind.Constant when declaring.Tree.Root.Statements.OfType<LetSyntax>().FirstOrDefault(l => l.Name.Span == symbol.NameSpan) is { } let:
                var value = declaring.Constants.GetValueOrDefault(symbol.Name) is QuantityValue quantity ? quantity.Quantity.Format() : declaring.Source[let.Value.Span];
                return $"**let** `{symbol.Name}` = `{value}`{where}";
            case SymbolKind.Parameter when declaring.Tree.Root.Recipes.FirstOrDefault(r => r.NameText == symbol.Container) is { Parameters: { } parameters }
                && parameters.Parameters.FirstOrDefault(p => p.Name.Span == symbol.NameSpan) is { } parameter:
                var defaultText = parameter.Default is null ? "" : $" = `{declaring.Source[parameter.Default.Span]}`";
                return $"**parameter** `{symbol.Name}`: {parameter.Type.Text}{defaultText} of recipe `{symbol.Container}`{where}";
            default:
                return null;
        }
    }

    private static string? Describe(DocumentAnalysis analysis, RecipeCatalog catalog, CompilationUnitSyntax root, SyntaxToken token)
    {
        var step = SyntaxLookup.Innermost<StepSyntax>(root, token.Span.Start);
        if (step?.Operation == token && catalog.FindOperation(token.Text) is { } operation)
        {
            return Operation(operation);
        }
        if (SyntaxLookup.Innermost<QuantitySyntax>(root, token.Span.Start) is { } quantitySyntax)
        {
            return Quantity(analysis, step, quantitySyntax);
        }
        if (root.Recipes.Any(r => r.Material == token) && catalog.Materials.GetValueOrDefault(token.Text) is { } material)
        {
            return Material(material);
        }
        if (token.Kind != TokenKind.Word && token.Kind != TokenKind.String)
        {
            return null;
        }
        if (catalog.Defects.GetValueOrDefault(token.Text) is { } defect)
        {
            return $"**defect** `{defect.Name}`\n\n{defect.Description}\n\nRepaired by: {string.Join(", ", catalog.Operations.Values.Where(o => o.Repairs.Any(r => r.Defect == defect.Name)).Select(o => $"`{o.Name}`"))}\n\n_Source: {defect.Source}_";
        }
        if (catalog.Atmospheres.GetValueOrDefault(token.Text) is { } atmosphere)
        {
            return $"**atmosphere** `{atmosphere.Name}`{(atmosphere.Oxidizing ? " (oxidizing)" : "")}\n\n{atmosphere.Description}";
        }
        if (catalog.Coatings.GetValueOrDefault(token.Text) is { } coating)
        {
            return $"**coating** `{coating.Name}` ({coating.Kind.ToString().ToLowerInvariant()})\n\nSurvives up to {coating.SurvivesUpToC:0} °C{(coating.UsualAmount is { } amount ? $"; usual amount {amount.Format()}" : "")}\n\n_Source: {coating.Source}_";
        }
        if (catalog.FindReagent(token.Text) is { } reagent)
        {
            return Reagent(reagent);
        }
        return null;
    }

    private static string Operation(OperationInfo operation)
    {
        var builder = new StringBuilder();
        builder.Append($"**{operation.Name}**");
        if (operation.Aliases.Count > 0)
        {
            builder.Append($" (also {string.Join(", ", operation.Aliases.Select(a => $"`{a}`"))})");
        }
        builder.Append($" — {operation.Category}\n\n{operation.Summary}\n\n");
        builder.Append("| parameter | takes | usual | source |\n|---|---|---|---|\n");
        foreach (var parameter in operation.Parameters)
        {
            var takes = parameter.Kind == ParameterKind.Quantity ? parameter.Dimension?.DisplayName() : parameter.Kind.ToString().ToLowerInvariant();
            var name = (parameter.Keyword ? $"`{parameter.Name} …`" : $"`{parameter.Name}`") + (parameter.Required ? " **required**" : "");
            builder.Append($"| {name} | {takes} | {parameter.Typical?.Format() ?? ""} | {parameter.Typical?.Source ?? ""} |\n");
        }
        var repairs = operation.Repairs.Select(r => $"`{r.Defect}`").Distinct().ToList();
        if (repairs.Count > 0)
        {
            builder.Append($"\nRepairs: {string.Join(", ", repairs)}");
        }
        return builder.ToString();
    }

    private static string? Quantity(DocumentAnalysis analysis, StepSyntax? stepSyntax, QuantitySyntax syntax)
    {
        if (syntax.Unit is not { } unitToken || !double.IsFinite(syntax.Value) || !UnitTable.TryLookup(unitToken.Text, out var unit))
        {
            return null;
        }
        var quantity = new Quantity(syntax.Value, unit);
        var text = $"`{quantity.Describe()}`";
        var step = stepSyntax is null ? null : analysis.RecipesIn(stepSyntax.Span).SelectMany(r => r.Steps).FirstOrDefault(s => s.Syntax == stepSyntax && s.Via is null);
        if (step?.Temperature is { } temperature && temperature.Span == syntax.Span && SealedVessel.Of(analysis.Catalog, step) is { Curve: { } curve } vessel)
        {
            text += $"\n\nVapour pressure of {vessel.Solvent} at {temperature.Celsius:0} °C: **{vessel.VapourBar:0.#} bar** absolute (_{curve.Source}_)";
        }
        return text;
    }

    private static string Material(MaterialInfo material) =>
        $"**{material.Name}** — Li{string.Concat(material.Composition.Where(c => c.Key != "Li" && c.Key != "O").Select(c => $" {c.Key}{c.Value:0.##}"))}" +
        $"{(material.Unsplit is { } unsplit ? $" ({string.Join("+", unsplit.Elements)}){unsplit.Total:0.##}" : "")} O2" +
        $"{(material.IsNiRich ? " (Ni-rich)" : "")}" +
        $"{(material.Unsplit is { } open ? $"\n\n{string.Join("/", open.Elements)} split not known: molar mass {material.MolarMass:0.##} ± {material.MolarMassUncertainty:0.##} g/mol" : "")}\n\nAnneal window: **{material.AnnealWindowC.Format()}** (_{material.AnnealWindowC.Source}_)\n\n" +
        $"Atmospheres: {string.Join(", ", material.AllowedAtmospheres)}{(material.WaterSensitive ? "\n\nWater-sensitive surface" : "")}\n\n_Source: {material.Source}_";

    private static string Reagent(ReagentInfo reagent)
    {
        var lines = new List<string> { $"**{reagent.Name}** `{reagent.Formula}`{(reagent.LithiumBearing ? " (lithium source)" : "")}" };
        if (reagent.SolubilityM is { } solubility)
        {
            lines.Add($"Solubility ≈ {solubility} M (_{reagent.SolubilitySource}_)");
        }
        if (reagent.MeltingPointC is { } melting)
        {
            lines.Add($"Melts at {melting} °C (_{reagent.MeltingPointSource}_)");
        }
        if (reagent.DecompositionC is { } decomposition)
        {
            lines.Add($"Decomposes above {decomposition} °C (_{reagent.DecompositionSource}_)");
        }
        return string.Join("\n\n", lines);
    }
}
