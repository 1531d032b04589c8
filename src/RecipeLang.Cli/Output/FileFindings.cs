using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Output;

/// <summary>One file's findings as a report shows them: after a baseline has taken out the accepted ones.</summary>
public sealed record FileFindings(SourceText Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static FileFindings From(DocumentAnalysis analysis) => new(analysis.Source, analysis.Diagnostics);
}
