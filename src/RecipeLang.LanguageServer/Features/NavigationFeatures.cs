using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Navigation;
using RecipeLang.Syntax;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>Definition, references and rename through Core's <see cref="SymbolFinder"/>; document symbols and folding.</summary>
public static class NavigationFeatures
{
    public static Location[] Definition(DocumentStore documents, DocumentAnalysis analysis, int offset)
    {
        var symbol = SymbolFinder.FindSymbol(documents.Workspace, analysis, offset);
        if (symbol is null || documents.AnalyzePath(symbol.Path) is not { } target)
        {
            return [];
        }
        return [new Location(Conversions.ToUri(symbol.Path), target.Source.ToRange(symbol.NameSpan))];
    }

    public static Location[] References(DocumentStore documents, DocumentAnalysis analysis, int offset, bool includeDeclaration)
    {
        var symbol = SymbolFinder.FindSymbol(documents.Workspace, analysis, offset);
        if (symbol is null)
        {
            return [];
        }
        var scope = Scope(documents, symbol).ToList();
        return [.. SymbolFinder.FindReferences(documents.Workspace, symbol, scope)
            .Where(r => includeDeclaration || !r.IsDefinition)
            .Select(r => new Location(Conversions.ToUri(r.Path), scope.First(a => a.Source.Path == r.Path).Source.ToRange(r.Span)))];
    }

    /// <summary>The edits of a rename, or null when the new name is not a name (the client shows the error).</summary>
    public static WorkspaceEdit? Rename(DocumentStore documents, DocumentAnalysis analysis, int offset, string newName)
    {
        var symbol = SymbolFinder.FindSymbol(documents.Workspace, analysis, offset);
        if (symbol is null || !SymbolFinder.IsValidName(newName))
        {
            return null;
        }
        var scope = Scope(documents, symbol).ToList();
        var edits = SymbolFinder.Rename(documents.Workspace, symbol, newName, scope);
        return new WorkspaceEdit(edits.ToDictionary(
            e => Conversions.ToUri(e.Key),
            e => e.Value.Select(c => new TextEdit(scope.First(a => a.Source.Path == e.Key).Source.ToRange(c.Span), c.NewText)).ToArray()));
    }

    /// <summary>Open documents, the workspace folders' recipe files, and the file that declares the symbol wherever it is.</summary>
    private static IEnumerable<DocumentAnalysis> Scope(DocumentStore documents, Symbol symbol)
    {
        var open = documents.AnalyzeWorkspace().ToList();
        if (open.All(a => a.Source.Path != symbol.Path) && documents.AnalyzePath(symbol.Path) is { } declaring)
        {
            open.Add(declaring);
        }
        return open;
    }

    // LSP SymbolKind values.
    private const int FunctionKind = 12, EventKind = 24, ConstantKind = 14;

    /// <summary>
    /// Recipes with their steps and <c>use</c> statements as children, <c>let</c> constants, and the steps of a bare
    /// step list; steps are numbered as the inlay hints number them (a <c>use</c> by the steps it brings in).
    /// </summary>
    public static DocumentSymbol[] Symbols(DocumentAnalysis analysis)
    {
        var source = analysis.Source;
        var numbers = StepNumbers.For(analysis.Recipes);
        DocumentSymbol? Step(StatementSyntax statement)
        {
            var (name, selection) = statement switch
            {
                StepSyntax step => (step.Operation.Text, step.Operation.Span),
                UseSyntax use => ("use " + use.Name.Text, use.Name.IsMissing ? use.UseKeyword.Span : use.Name.Span),
                _ => (null, default),
            };
            if (name is null)
            {
                return null;
            }
            var label = numbers.TryGetValue(statement, out var number) ? $"{number} {name}" : name;
            return new DocumentSymbol(label, source[statement.Span], EventKind, source.ToRange(statement.Span), source.ToRange(selection), null);
        }
        var symbols = new List<DocumentSymbol>();
        foreach (var statement in analysis.Tree.Root.Statements)
        {
            switch (statement)
            {
                case RecipeSyntax recipe when !recipe.Name.IsMissing:
                    var steps = recipe.Body.Select(Step).OfType<DocumentSymbol>().ToArray();
                    symbols.Add(new DocumentSymbol(recipe.NameText, recipe.Material?.Text, FunctionKind, source.ToRange(recipe.Span), source.ToRange(recipe.Name.Span), steps));
                    break;
                case LetSyntax let:
                    symbols.Add(new DocumentSymbol(let.Name.Text, source[let.Value.Span], ConstantKind, source.ToRange(let.Span), source.ToRange(let.Name.Span), null));
                    break;
                default:
                    if (Step(statement) is { } symbol)
                    {
                        symbols.Add(symbol);
                    }
                    break;
            }
        }
        return [.. symbols];
    }

    public static FoldingRange[] Folding(DocumentAnalysis analysis)
    {
        var source = analysis.Source;
        var ranges = analysis.Tree.Root.Recipes
            .Select(r => (Start: source.GetPosition(r.OpenBrace.Span.Start).Line, End: source.GetPosition(r.CloseBrace.Span.End).Line))
            .Where(r => r.End > r.Start)
            .Select(r => new FoldingRange(r.Start, r.End - (r.End > r.Start + 1 ? 1 : 0), null))
            .ToList();
        // Runs of two or more comment lines fold as comments.
        var commentLines = analysis.Tree.Root.Tokens()
            .SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Where(t => t.Kind == TriviaKind.Comment)
            .Select(t => source.GetPosition(t.Span.Start).Line)
            .Distinct().Order().ToList();
        for (var i = 0; i < commentLines.Count;)
        {
            var j = i;
            while (j + 1 < commentLines.Count && commentLines[j + 1] == commentLines[j] + 1)
            {
                j++;
            }
            if (j > i)
            {
                ranges.Add(new FoldingRange(commentLines[i], commentLines[j], "comment"));
            }
            i = j + 1;
        }
        return [.. ranges];
    }
}
