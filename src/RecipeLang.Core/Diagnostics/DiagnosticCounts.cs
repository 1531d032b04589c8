namespace RecipeLang.Diagnostics;

/// <summary>How many diagnostics there are of each severity: what a summary line reports.</summary>
public readonly record struct DiagnosticCounts(int Errors, int Warnings, int Infos, int Hints)
{
    public int Total => Errors + Warnings + Infos + Hints;

    public static DiagnosticCounts Of(IEnumerable<Diagnostic> diagnostics)
    {
        var counts = new int[4];
        foreach (var diagnostic in diagnostics)
        {
            counts[(int)diagnostic.Severity]++;
        }
        return new(counts[(int)DiagnosticSeverity.Error], counts[(int)DiagnosticSeverity.Warning], counts[(int)DiagnosticSeverity.Info], counts[(int)DiagnosticSeverity.Hint]);
    }

    public static DiagnosticCounts operator +(DiagnosticCounts a, DiagnosticCounts b) =>
        new(a.Errors + b.Errors, a.Warnings + b.Warnings, a.Infos + b.Infos, a.Hints + b.Hints);
}
