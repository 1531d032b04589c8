using System.Collections.Immutable;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Workspace;

/// <summary>
/// Diagnostics sorted by start with the running maximum of their ends: the ones touching a range are found by a
/// binary search and a walk back that stops as soon as no earlier diagnostic can reach the range.
/// </summary>
internal sealed class DiagnosticIndex
{
    private readonly Diagnostic[] _byStart;
    private readonly int[] _maxEnd;

    public DiagnosticIndex(ImmutableArray<Diagnostic> diagnostics)
    {
        _byStart = [.. diagnostics.OrderBy(d => d.Span.Start)];
        _maxEnd = new int[_byStart.Length];
        for (var i = 0; i < _byStart.Length; i++)
        {
            _maxEnd[i] = Math.Max(i > 0 ? _maxEnd[i - 1] : 0, _byStart[i].Span.End);
        }
    }

    public IEnumerable<Diagnostic> Touching(TextSpan span)
    {
        // The last diagnostic that starts at or before the range's end.
        int low = 0, high = _byStart.Length - 1, last = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_byStart[middle].Span.Start <= span.End)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        var found = new List<Diagnostic>();
        for (var i = last; i >= 0 && _maxEnd[i] >= span.Start; i--)
        {
            if (_byStart[i].Span.End >= span.Start)
            {
                found.Add(_byStart[i]);
            }
        }
        found.Reverse();
        return found;
    }
}
