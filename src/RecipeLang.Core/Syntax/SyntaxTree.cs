using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

/// <summary>A parsed file: its text, the full-fidelity tree and the syntax diagnostics (RL0xxx).</summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(SourceText source, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<SyntaxItem> items)
    {
        Source = source;
        Root = root;
        Diagnostics = diagnostics;
        Items = items;
    }

    /// <summary>One entry per top-level statement of <see cref="CompilationUnitSyntax.Statements"/>: what an incremental parse needs to reuse it.</summary>
    internal ImmutableArray<SyntaxItem> Items { get; }

    public SourceText Source { get; }

    public CompilationUnitSyntax Root { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public string Path => Source.Path;

    /// <summary>The token whose span contains or ends at the offset (the cursor's token in an editor).</summary>
    public SyntaxToken? FindToken(int offset)
    {
        SyntaxToken? best = null;
        foreach (var token in Root.Tokens())
        {
            if (token.Span.Start > offset)
            {
                break;
            }
            if (token.Span.Touches(offset) && token.Kind != TokenKind.EndOfFile)
            {
                best = token;
                if (token.Span.Contains(offset))
                {
                    break;
                }
            }
        }
        return best;
    }
}

/// <summary>
/// What the parser knew about one top-level statement: where its text starts (its leading trivia, so comments
/// before it belong to it), the parser's state there, and the diagnostics reported while it was lexed and parsed.
/// </summary>
/// <param name="FullStart">The start of the statement's first token's leading trivia.</param>
/// <param name="SawStepBefore">Whether a bare step came before it at the top level (a leading 'then' is an error until one has).</param>
/// <param name="IsSyncPoint">Parsed at the start of a top-level iteration (not inside a recipe whose header failed): a parse may start or stop here.</param>
/// <param name="Id">Kept by the versions that reuse the item (shifted or not), new when it is parsed again: an analysis reuses what it computed for an item by this key.</param>
/// <param name="LastToken">The item's last lexed token, whose state the lexer resumes from (walking a deeply nested statement's tokens for it would cost its depth per token).</param>
internal sealed record SyntaxItem(int FullStart, bool SawStepBefore, bool IsSyncPoint, ImmutableArray<Diagnostic> LexerDiagnostics, ImmutableArray<Diagnostic> ParserDiagnostics, object Id, SyntaxToken LastToken);
