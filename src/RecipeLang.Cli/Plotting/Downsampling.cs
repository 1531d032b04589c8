namespace RecipeLang.Cli.Plotting;

/// <summary>
/// Thins a curve for a plot a fixed number of pixels wide: the points are split into that many buckets along x and
/// each bucket keeps its lowest and highest point, in order. What a pixel column can show — every peak and
/// every dip — is kept; the rest would be drawn on top of it.
/// </summary>
public static class Downsampling
{
    public static (double X, double Y)[] MinMax((double X, double Y)[] points, int buckets)
    {
        if (points.Length <= 2 * buckets)
        {
            return points;
        }
        var kept = new (double X, double Y)[2 * buckets + 2];
        var count = 0;
        kept[count++] = points[0];
        var size = (double)(points.Length - 2) / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var from = 1 + (int)(b * size);
            var to = Math.Min(points.Length - 1, 1 + (int)((b + 1) * size));
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
            kept[count++] = points[Math.Min(low, high)];
            if (low != high)
            {
                kept[count++] = points[Math.Max(low, high)];
            }
        }
        kept[count++] = points[^1];
        // Array.Copy, not a slice or Array.Resize: generic methods over a tuple are compiled at run time (ThermalChart.From).
        var result = new (double X, double Y)[count];
        Array.Copy(kept, result, count);
        return result;
    }
}
