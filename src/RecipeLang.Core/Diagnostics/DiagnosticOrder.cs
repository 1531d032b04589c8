namespace RecipeLang.Diagnostics;

/// <summary>The order a file's diagnostics are shown in: by start offset, then code, and otherwise as they were found.</summary>
internal static class DiagnosticOrder
{
    /// <summary>Sorts in place and stably, as <c>OrderBy(start).ThenBy(code)</c> would, without its buffers and iterators.</summary>
    public static void Sort(List<Diagnostic> diagnostics)
    {
        if (IsSorted(diagnostics))
        {
            return;
        }
        var found = new (Diagnostic Diagnostic, int Index)[diagnostics.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = (diagnostics[i], i);
        }
        Array.Sort(found, CompareStably);
        for (var i = 0; i < found.Length; i++)
        {
            diagnostics[i] = found[i].Diagnostic;
        }
    }

    private static bool IsSorted(List<Diagnostic> diagnostics)
    {
        for (var i = 1; i < diagnostics.Count; i++)
        {
            if (Compare(diagnostics[i - 1], diagnostics[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    private static int Compare(Diagnostic a, Diagnostic b) =>
        a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : string.CompareOrdinal(a.Code, b.Code);

    private static int CompareStably((Diagnostic Diagnostic, int Index) a, (Diagnostic Diagnostic, int Index) b) =>
        Compare(a.Diagnostic, b.Diagnostic) is var order and not 0 ? order : a.Index.CompareTo(b.Index);
}
