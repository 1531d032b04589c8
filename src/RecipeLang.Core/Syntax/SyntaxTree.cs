using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Syntax;

/// <summary>A parsed file: its text, the full-fidelity tree and the syntax diagnostics (RL0xxx).</summary>
public sealed class SyntaxTree(SourceText source, CompilationUnitSyntax root, ImmutableArray<Diagnostic> diagnostics)
{
    public SourceText Source { get; } = source;

    public CompilationUnitSyntax Root { get; } = root;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

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
