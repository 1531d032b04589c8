using RecipeLang.Syntax;

namespace RecipeLang.LanguageServer.Features;

/// <summary>What the cursor is on, in syntax terms.</summary>
public static class SyntaxLookup
{
    /// <summary>The innermost node of a type whose span touches the offset.</summary>
    public static T? Innermost<T>(SyntaxNode root, int offset) where T : SyntaxNode =>
        root.DescendantNodesAndSelf().OfType<T>().Where(n => n.Span.Touches(offset)).MinBy(n => n.Span.Length);

    /// <summary>The step whose line the offset is on (for completion after its last argument).</summary>
    public static StepSyntax? StepAt(SyntaxNode root, int offset) => Innermost<StepSyntax>(root, offset);
}
