using System.Globalization;

namespace RecipeLang.Chemistry;

/// <summary>
/// A parsed chemical formula: <c>LiOH·H2O</c> (also <c>LiOH*H2O</c>), <c>CuSO4·5H2O</c>, <c>Ni(OH)2</c>,
/// nested groups, and fractional counts as in <c>LiNi0.8Co0.1Mn0.1O2</c>.
/// </summary>
public sealed class Formula
{
    /// <summary>The hydrate separator the catalog and formatter write.</summary>
    public const char HydrateDot = '·';

    private Formula(string text, Dictionary<string, double> elements)
    {
        Text = text;
        Elements = elements;
        MolarMass = elements.Sum(e => e.Value * AtomicWeight(e.Key));
    }

    /// <summary>The formula as written.</summary>
    public string Text { get; }

    /// <summary>The formula with every hydrate separator written as <see cref="HydrateDot"/>.</summary>
    public string Canonical => Normalize(Text);

    /// <summary>Element symbol → atoms per formula unit, in order of first appearance.</summary>
    public IReadOnlyDictionary<string, double> Elements { get; }

    /// <summary>Molar mass in g/mol from <see cref="Chemistry.Elements.Source"/>.</summary>
    public double MolarMass { get; }

    public bool Contains(string symbol) => Elements.ContainsKey(symbol);

    /// <summary>Carbon bonded to hydrogen: burns with an oxidiser (lithium benzoate, citric acid; not Li2CO3).</summary>
    public bool IsOrganic => Contains("C") && Contains("H");

    public override string ToString() => Text;

    /// <summary>Writes the alternative hydrate separators (<c>*</c>, <c>•</c>) as <see cref="HydrateDot"/>.</summary>
    public static string Normalize(string text) =>
        text.Replace('*', HydrateDot).Replace('•', HydrateDot).Replace('⋅', HydrateDot);

    public static bool IsHydrateSeparator(char c) => c is HydrateDot or '*' or '•' or '⋅';

    /// <summary>Parses a formula; on failure <paramref name="error"/> says what is wrong and where (1-based character).</summary>
    public static bool TryParse(string text, out Formula? formula, out string? error)
    {
        var total = new Dictionary<string, double>(StringComparer.Ordinal);
        error = Parse(text, total);
        formula = error is null ? new Formula(text, total) : null;
        return error is null;
    }

    public static Formula Parse(string text) =>
        TryParse(text, out var formula, out var error) ? formula! : throw new FormatException(error);

    // Iterative (an explicit stack, not recursion) so that no input, however deeply nested, can overflow.
    private static string? Parse(string text, Dictionary<string, double> total)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "A formula cannot be empty.";

        var position = 0;
        while (true)
        {
            var partStart = position;
            var coefficient = ReadNumber(text, ref position) ?? 1;
            if (coefficient <= 0)
                return $"The coefficient at character {partStart + 1} of '{text}' must be positive.";

            var stack = new List<(Dictionary<string, double> Counts, char Close, int Open)>
            {
                (new Dictionary<string, double>(StringComparer.Ordinal), '\0', position),
            };
            var groupStart = position;
            while (position < text.Length && !IsHydrateSeparator(text[position]))
            {
                var c = text[position];
                if (c is '(' or '[')
                {
                    stack.Add((new Dictionary<string, double>(StringComparer.Ordinal), c == '(' ? ')' : ']', position));
                    position++;
                }
                else if (c is ')' or ']')
                {
                    var (counts, close, open) = stack[^1];
                    if (stack.Count == 1 || close != c)
                        return $"Unmatched '{c}' at character {position + 1} of '{text}'.";
                    if (counts.Count == 0)
                        return $"Empty group at character {open + 1} of '{text}'.";
                    stack.RemoveAt(stack.Count - 1);
                    position++;
                    if (!TryReadCount(text, ref position, out var count, out var countError))
                        return countError;
                    foreach (var (symbol, n) in counts)
                        Add(stack[^1].Counts, symbol, n * count);
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    var start = position++;
                    while (position < text.Length && char.IsAsciiLetterLower(text[position]))
                        position++;
                    var symbol = text.AsSpan(start, position - start);
                    if (!Chemistry.Elements.TryGet(symbol, out var element))
                        return $"Unknown element '{symbol}' at character {start + 1} of '{text}'.";
                    if (!TryReadCount(text, ref position, out var count, out var countError))
                        return countError;
                    Add(stack[^1].Counts, element.Symbol, count);
                }
                else
                {
                    return $"Unexpected '{c}' at character {position + 1} of '{text}': expected an element symbol, '(' or a count.";
                }
            }

            if (stack.Count > 1)
                return $"Unclosed '{(stack[^1].Close == ')' ? '(' : '[')}' at character {stack[^1].Open + 1} of '{text}'.";
            if (stack[0].Counts.Count == 0)
                return $"Expected an element symbol at character {groupStart + 1} of '{text}'.";
            foreach (var (symbol, n) in stack[0].Counts)
                Add(total, symbol, n * coefficient);

            if (position >= text.Length)
                return null;
            position++; // the hydrate separator
        }
    }

    private static bool TryReadCount(string text, ref int position, out double count, out string? error)
    {
        var start = position;
        var read = ReadNumber(text, ref position);
        count = read ?? 1;
        error = count > 0 ? null : $"The count at character {start + 1} of '{text}' must be positive.";
        return error is null;
    }

    private static double? ReadNumber(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        if (position == start)
            return null;
        if (position + 1 < text.Length && text[position] == '.' && char.IsAsciiDigit(text[position + 1]))
        {
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
                position++;
        }
        return double.Parse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static void Add(Dictionary<string, double> counts, string symbol, double n) =>
        counts[symbol] = counts.GetValueOrDefault(symbol) + n;

    // Only symbols the parser found in the table reach here.
    private static double AtomicWeight(string symbol) =>
        Chemistry.Elements.TryGet(symbol, out var element) ? element.AtomicWeight : double.NaN;
}
