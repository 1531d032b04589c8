using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Output;

/// <summary>One file's findings as a report shows them: after a baseline has taken out the accepted ones.</summary>
public sealed record FileFindings(SourceText Source, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static IReadOnlyList<FileFindings> From(IEnumerable<DocumentAnalysis> analyses) =>
        analyses.Select(a => new FileFindings(a.Source, a.Diagnostics)).ToList();
}
