namespace RecipeLang.Cli.Plotting;

/// <summary>
/// Thins a curve for a plot a fixed number of pixels wide: the points are split into that many buckets along x and
/// each bucket keeps its lowest and highest point, in order. What a pixel column can show — every peak and
/// every dip — is kept; the rest would be drawn on top of it.
/// </summary>
public static class Downsampling
{
    public static IReadOnlyList<(double X, double Y)> MinMax(IReadOnlyList<(double X, double Y)> points, int buckets)
    {
        if (points.Count <= 2 * buckets)
        {
            return points;
        }
        var kept = new List<(double X, double Y)>(2 * buckets + 2) { points[0] };
        var size = (double)(points.Count - 2) / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var from = 1 + (int)(b * size);
            var to = Math.Min(points.Count - 1, 1 + (int)((b + 1) * size));
            if (from >= to)
            {
                continue;
            }
            int low = from, high = from;
            for (var i = from + 1; i < to; i++)
            {
                if (points[i].Y < points[low].Y)
                {
                    low = i;
                }
                if (points[i].Y > points[high].Y)
                {
                    high = i;
                }
            }
            kept.Add(points[Math.Min(low, high)]);
            if (low != high)
            {
                kept.Add(points[Math.Max(low, high)]);
            }
        }
        kept.Add(points[^1]);
        return kept;
    }
}
