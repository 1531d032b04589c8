using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Output;

/// <summary>
/// One file's findings as a report shows them: after a baseline has taken out the accepted ones. <paramref name="Hidden"/>
/// counts those past the per-file limit, which the report stands for with one notice (RL0011).
/// </summary>
public sealed record FileFindings(SourceText Source, IReadOnlyList<Diagnostic> Diagnostics, DiagnosticCounts Hidden = default)
{
    public static FileFindings From(DocumentAnalysis analysis) => new(analysis.Source, analysis.Diagnostics, analysis.Hidden);
}
