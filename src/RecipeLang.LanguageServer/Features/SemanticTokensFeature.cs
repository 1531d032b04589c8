using System.Collections.Concurrent;
using RecipeLang.LanguageServer.Protocol;
using Range = RecipeLang.LanguageServer.Protocol.Range;
using RecipeLang.Syntax;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Features;

/// <summary>
/// Semantic tokens from the syntax tree and the catalog: operations, recipe and material names, constants and
/// parameters, keyword parameters, catalogue names, formulas, numbers, units, strings, comments. Full and delta:
/// the last result per document is kept so a delta is the one edit between the common prefix and suffix.
/// </summary>
public sealed class SemanticTokensFeature
{
    public static readonly string[] TokenTypes = ["keyword", "function", "class", "variable", "number", "string", "comment", "parameter", "enumMember", "type", "operator"];

    private const int Keyword = 0, Function = 1, Class = 2, Variable = 3, Number = 4, String = 5, Comment = 6, Parameter = 7, EnumMember = 8, Type = 9, Operator = 10;

    private readonly ConcurrentDictionary<string, (string ResultId, int[] Data)> _last = new(StringComparer.Ordinal);
    private int _nextId;

    public SemanticTokens Full(string uri, DocumentAnalysis analysis)
    {
        var data = Encode(analysis);
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _last[uri] = (id, data);
        return new SemanticTokens(id, data);
    }

    /// <summary>A delta against the previous result, or a full result when the client's previous id is unknown.</summary>
    public object Delta(string uri, string previousResultId, DocumentAnalysis analysis)
    {
        if (!_last.TryGetValue(uri, out var previous) || previous.ResultId != previousResultId)
        {
            return Full(uri, analysis);
        }
        var data = Encode(analysis);
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _last[uri] = (id, data);
        var prefix = 0;
        while (prefix < data.Length && prefix < previous.Data.Length && data[prefix] == previous.Data[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < data.Length - prefix && suffix < previous.Data.Length - prefix && data[^(suffix + 1)] == previous.Data[^(suffix + 1)])
        {
            suffix++;
        }
        var inserted = data[prefix..(data.Length - suffix)];
        var edits = inserted.Length == 0 && previous.Data.Length - prefix - suffix == 0
            ? Array.Empty<SemanticTokensEdit>()
            : [new SemanticTokensEdit(prefix, previous.Data.Length - prefix - suffix, inserted)];
        return new SemanticTokensDelta(id, edits);
    }

    public void Forget(string uri) => _last.TryRemove(uri, out _);

    public static int[] Encode(DocumentAnalysis analysis)
    {
        var source = analysis.Source;
        var items = new List<(int Start, int Length, int Type)>();
        var kinds = Classify(analysis);
        foreach (var token in analysis.Tree.Root.Tokens())
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia).Where(t => t.Kind == TriviaKind.Comment))
            {
                items.Add((trivia.Span.Start, trivia.Span.Length, Comment));
            }
            if (token.Span.Length > 0 && kinds.TryGetValue(token, out var type))
            {
                items.Add((token.Span.Start, token.Span.Length, type));
            }
        }
        items.Sort((a, b) => a.Start.CompareTo(b.Start));
        var data = new int[items.Count * 5];
        var (line, character) = (0, 0);
        for (var i = 0; i < items.Count; i++)
        {
            var position = source.GetPosition(items[i].Start);
            var deltaLine = position.Line - line;
            var deltaStart = deltaLine == 0 ? position.Character - character : position.Character;
            (data[i * 5], data[i * 5 + 1], data[i * 5 + 2], data[i * 5 + 3], data[i * 5 + 4]) = (deltaLine, deltaStart, items[i].Length, items[i].Type, 0);
            (line, character) = (position.Line, position.Character);
        }
        return data;
    }

    // Tokens are compared by reference (SyntaxToken has no value equality), which is what the tree needs.
    private static Dictionary<SyntaxToken, int> Classify(DocumentAnalysis analysis)
    {
        var catalog = analysis.Catalog;
        var root = analysis.Tree.Root;
        var kinds = new Dictionary<SyntaxToken, int>();
        var constants = root.Statements.OfType<LetSyntax>().Select(l => l.Name.Text)
            .Concat(root.Recipes.SelectMany(r => r.Parameters?.Parameters.Select(p => p.Name.Text) ?? [])).ToHashSet(StringComparer.Ordinal);
        foreach (var token in root.Tokens())
        {
            kinds[token] = token.Kind switch
            {
                _ when token.Kind.IsKeyword() => Keyword,
                TokenKind.Number => Number,
                TokenKind.Unit => Operator,
                TokenKind.String => String,
                _ => -1,
            };
        }
        foreach (var node in root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case RecipeSyntax recipe:
                    kinds[recipe.Name] = Class;
                    if (recipe.Material is { } material)
                    {
                        kinds[material] = Class;
                    }
                    foreach (var parameter in recipe.Parameters?.Parameters ?? [])
                    {
                        kinds[parameter.Name] = Variable;
                        kinds[parameter.Type] = Type;
                    }
                    break;
                case UseSyntax use:
                    kinds[use.Name] = Class;
                    break;
                case LetSyntax let:
                    kinds[let.Name] = Variable;
                    break;
                case DefectSyntax defect:
                    kinds[defect.Name] = EnumMember;
                    break;
                case StepSyntax step:
                    var operation = catalog.FindOperation(step.Operation.Text);
                    kinds[step.Operation] = Function;
                    foreach (var word in step.Arguments.SelectMany(a => a.Tokens()).Where(t => t.Kind == TokenKind.Word))
                    {
                        kinds[word] = constants.Contains(word.Text) ? Variable
                            : operation?.FindParameter(word.Text) is not null ? Parameter
                            : catalog.Atmospheres.ContainsKey(word.Text) || catalog.Coatings.ContainsKey(word.Text) || catalog.Binders.ContainsKey(word.Text) || catalog.Conductives.ContainsKey(word.Text) ? EnumMember
                            : Type;
                    }
                    break;
                case QuantitySyntax { Unit: { Kind: TokenKind.Word } unit }:
                    kinds[unit] = Operator;
                    break;
            }
        }
        return kinds.Where(k => k.Value >= 0).ToDictionary(k => k.Key, k => k.Value);
    }
}
