namespace RecipeLang.Binding;

/// <summary>"Did you mean" for names: the closest candidate, case-insensitive, within an edit distance that grows with the name.</summary>
public static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        // A third of the name's length (at least one edit, as rustc allows), and always fewer edits than the name has
        // characters: 'Fe' → 'W' or 'F' → 'h' rewrites the whole name and suggests nothing useful.
        var allowed = Math.Min(Math.Max(name.Length, 3) / 3, name.Length - 1);
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $"; did you mean '{match}'?" : "";

    /// <summary>
    /// Edits between two names, with two neighbouring letters swapped counting as one edit (optimal string alignment,
    /// as rustc's did-you-mean): 'lnit' is one edit from 'lint'. Gives up once it exceeds <paramref name="limit"/>.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin >= limit)
            {
                return limit;
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }
}
