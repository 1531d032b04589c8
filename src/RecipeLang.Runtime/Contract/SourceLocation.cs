namespace RecipeLang.Runtime;

/// <summary>Where a step came from in its recipe file (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
