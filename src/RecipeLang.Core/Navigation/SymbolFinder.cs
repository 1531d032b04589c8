using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Navigation;

public enum SymbolKind
{
    Recipe,
    Constant,
    Parameter,
}

/// <summary>A named thing a recipe file declares: where its name is written.</summary>
/// <param name="Container">For a parameter, the recipe that declares it.</param>
public sealed record Symbol(SymbolKind Kind, string Name, string Path, TextSpan NameSpan, string? Container = null);

/// <summary>One place a symbol's name is written.</summary>
public sealed record SymbolReference(string Path, TextSpan Span, bool IsDefinition);

/// <summary>
/// Go to definition, find references and rename for recipes (across imports), <c>let</c> constants and recipe
/// parameters. Works on syntax plus the workspace's import resolution, so it answers on broken files too.
/// </summary>
public static class SymbolFinder
{
    /// <summary>The symbol whose name (declaration or use) is at the offset, resolved to its declaration.</summary>
    public static Symbol? FindSymbol(RecipeWorkspace workspace, DocumentAnalysis analysis, int offset)
    {
        if (analysis.Tree.FindToken(offset) is not { Kind: TokenKind.Word or TokenKind.String } token)
        {
            return null;
        }
        var root = analysis.Tree.Root;
        var path = analysis.Source.Path;
        foreach (var recipe in root.Recipes)
        {
            if (recipe.Name == token)
            {
                return new Symbol(SymbolKind.Recipe, recipe.NameText, path, recipe.Name.Span);
            }
            foreach (var parameter in recipe.Parameters?.Parameters ?? [])
            {
                if (parameter.Name == token || (recipe.Body.Any(s => s.Tokens().Contains(token)) && token.Text == parameter.Name.Text && IsNameReference(recipe, token)))
                {
                    return new Symbol(SymbolKind.Parameter, parameter.Name.Text, path, parameter.Name.Span, recipe.NameText);
                }
            }
        }
        foreach (var let in root.Statements.OfType<LetSyntax>())
        {
            if (let.Name == token || (token.Text == let.Name.Text && IsNameReference(root, token)))
            {
                return new Symbol(SymbolKind.Constant, let.Name.Text, path, let.Name.Span);
            }
        }
        foreach (var use in root.DescendantNodesAndSelf().OfType<UseSyntax>())
        {
            if (use.Name == token)
            {
                return FindRecipe(analysis, Unquote(token));
            }
            // A named argument of a use names a parameter of the used recipe.
            if (use.Arguments?.Arguments.FirstOrDefault(a => a.Name == token) is { Name: { } argumentName }
                && FindRecipe(analysis, Unquote(use.Name)) is { } used
                && workspace.TryGetText(used.Path) is { } usedText)
            {
                var usedRecipe = Parser.Parse(usedText).Root.Recipes.FirstOrDefault(r => r.NameText == used.Name);
                if (usedRecipe?.Parameters?.Parameters.FirstOrDefault(p => p.Name.Text == argumentName.Text) is { } parameter)
                {
                    return new Symbol(SymbolKind.Parameter, parameter.Name.Text, used.Path, parameter.Name.Span, used.Name);
                }
            }
        }
        return null;
    }

    /// <summary>Every place the symbol's name is written, in the given documents (declaration included).</summary>
    public static IEnumerable<SymbolReference> FindReferences(RecipeWorkspace workspace, Symbol symbol, IEnumerable<DocumentAnalysis> documents)
    {
        foreach (var analysis in documents)
        {
            var path = analysis.Source.Path;
            var root = analysis.Tree.Root;
            switch (symbol.Kind)
            {
                case SymbolKind.Recipe:
                    foreach (var recipe in root.Recipes.Where(r => r.NameText == symbol.Name && SamePlace(path, r.Name.Span, symbol)))
                    {
                        yield return new SymbolReference(path, recipe.Name.Span, IsDefinition: true);
                    }
                    foreach (var use in root.DescendantNodesAndSelf().OfType<UseSyntax>().Where(u => Unquote(u.Name) == symbol.Name))
                    {
                        if (FindRecipe(analysis, symbol.Name) is { } target && SamePlace(target.Path, target.NameSpan, symbol))
                        {
                            yield return new SymbolReference(path, use.Name.Span, IsDefinition: false);
                        }
                    }
                    break;
                case SymbolKind.Constant when path == symbol.Path:
                    foreach (var let in root.Statements.OfType<LetSyntax>().Where(l => l.Name.Text == symbol.Name))
                    {
                        yield return new SymbolReference(path, let.Name.Span, IsDefinition: true);
                    }
                    foreach (var token in NameReferences(root, symbol.Name).Where(t => !ShadowedByParameter(root, t)))
                    {
                        yield return new SymbolReference(path, token.Span, IsDefinition: false);
                    }
                    break;
                case SymbolKind.Parameter:
                    foreach (var reference in ParameterReferences(workspace, analysis, symbol))
                    {
                        yield return reference;
                    }
                    break;
            }
        }
    }

    /// <summary>The edits that rename a symbol everywhere in the documents, grouped by file.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TextChange>> Rename(RecipeWorkspace workspace, Symbol symbol, string newName, IEnumerable<DocumentAnalysis> documents) =>
        FindReferences(workspace, symbol, documents)
            .GroupBy(r => r.Path)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TextChange>)g.Select(r => new TextChange(r.Span, newName)).DistinctBy(c => c.Span).OrderByDescending(c => c.Span.Start).ToList());

    /// <summary>A valid new name: what the lexer reads back as one word and not a keyword.</summary>
    public static bool IsValidName(string name) =>
        Parser.Parse(name).Root.Statements is [StepSyntax { Arguments.Length: 0 } step] && step.Operation.Text == name;

    private static IEnumerable<SymbolReference> ParameterReferences(RecipeWorkspace workspace, DocumentAnalysis analysis, Symbol symbol)
    {
        var path = analysis.Source.Path;
        var root = analysis.Tree.Root;
        if (path == symbol.Path && root.Recipes.FirstOrDefault(r => r.NameText == symbol.Container) is { } declaring)
        {
            foreach (var parameter in (declaring.Parameters?.Parameters ?? []).Where(p => p.Name.Text == symbol.Name))
            {
                yield return new SymbolReference(path, parameter.Name.Span, IsDefinition: true);
            }
            foreach (var token in NameReferences(declaring, symbol.Name))
            {
                yield return new SymbolReference(path, token.Span, IsDefinition: false);
            }
        }
        foreach (var use in root.DescendantNodesAndSelf().OfType<UseSyntax>().Where(u => Unquote(u.Name) == symbol.Container))
        {
            if (FindRecipe(analysis, symbol.Container!) is not { } target || target.Path != symbol.Path)
            {
                continue;
            }
            foreach (var argument in use.Arguments?.Arguments ?? [])
            {
                if (argument.Name is { } name && name.Text == symbol.Name)
                {
                    yield return new SymbolReference(path, name.Span, IsDefinition: false);
                }
            }
        }
    }

    /// <summary>Where a recipe name resolves from this file: its own recipes first, then imported ones.</summary>
    private static Symbol? FindRecipe(DocumentAnalysis analysis, string name)
    {
        if (analysis.Tree.Root.Recipes.FirstOrDefault(r => r.NameText == name) is { } local)
        {
            return new Symbol(SymbolKind.Recipe, name, analysis.Source.Path, local.Name.Span);
        }
        return analysis.Scope.TryGetValue(name, out var imported)
            ? new Symbol(SymbolKind.Recipe, name, imported.Source.Path, imported.Syntax.Name.Span)
            : null;
    }

    /// <summary>Words used as values (arguments, <c>let</c> values, defaults): where a constant or parameter can appear.</summary>
    private static IEnumerable<SyntaxToken> NameReferences(SyntaxNode node, string name) =>
        node.DescendantNodesAndSelf().OfType<NameSyntax>().Select(n => n.Word).Where(w => w.Text == name);

    private static bool IsNameReference(SyntaxNode node, SyntaxToken token) =>
        node.DescendantNodesAndSelf().OfType<NameSyntax>().Any(n => n.Word == token);

    private static bool ShadowedByParameter(CompilationUnitSyntax root, SyntaxToken token) =>
        root.Recipes.Any(r => r.Parameters is { } parameters && parameters.Parameters.Any(p => p.Name.Text == token.Text)
            && r.Body.Any(s => s.Tokens().Contains(token)));

    private static bool SamePlace(string path, TextSpan span, Symbol symbol) => path == symbol.Path && span == symbol.NameSpan;

    private static string Unquote(SyntaxToken token) => token.Kind == TokenKind.String ? StringSyntax.Unquote(token.Text) : token.Text;
}
