using System.Text;

namespace RecipeLang.Fuzz;

/// <summary>
/// Fuzz inputs from one seed: recipes built from the grammar (operations, quantities, formulas, clauses, recipes with
/// parameters, lets, uses, comments), and mutations of those and of the shipped examples — tokens inserted, deleted
/// and duplicated, lines swapped, unicode, huge numbers, deep nesting, long names, invalid UTF-8.
/// </summary>
public sealed class InputGenerator(int seed, IReadOnlyList<string> seeds)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Operations =
        ["hydrothermal", "anneal", "coat", "wash", "dry", "molten_salt", "dope", "etch", "mix", "sinter", "calcine", "relithiate", "electrochemical", "leach", "sonicate", "stir", "grind", "sieve"];
    private static readonly string[] Words =
        ["LiOH", "LiOH·H2O", "LiOH*H2O", "Ni(OH)2", "(NH4)2SO4", "LiC7H5O2", "LiOH-LiNO3", "Li2CO3", "KOH", "O2", "air", "N2", "Ar", "vacuum", "water", "ethanol",
         "citric_acid", "ultrasonic", "x3", "ramp", "counter", "Pt", "cutoff", "solvent", "ethylene_glycol", "method", "mld", "Li3PO4", "Al2O3", "Mg", "Al", "spandex", "T", "T_anneal"];
    private static readonly string[] Units =
        ["C", " C", "°C", " °C", "K", "h", "min", "s", "M", " M", "wt%", "mol%", "C/min", "bar", "MPa", "g", " g", "kg", "mA/g", "V", "mL", "rpm", ""];
    private static readonly string[] Numbers = ["220", "4", "0.5", "850", "-0.8", "1e3", "12", "0", "3", "100", "600", "1.5", ".5"];
    private static readonly string[] Materials = ["NCM523", "NCM811", "NCM111", "NCM622", "LCO", "NCM90", "LFP", "unobtainium"];
    private static readonly string[] Defects = ["lithium_loss(li_tm = 0.62)", "cation_mixing", "rock_salt_surface", "microcracks", "lithium_loss"];
    private static readonly string[] Separators = [" then ", "\nthen ", "\n", "; ", "  # note\n", "\n\n# a comment\n"];
    private static readonly string[] Noise =
        ["@", ")", "(", "=", "\"", "}", "{", ",", ":", ";", "-", "+", "*", "/", "·", "then", "recipe", "let", "use", "import", "for", "defects", "batch", "\n", "#", "1.2.3",
         "é", "\t", "\r", "\r\n", "\u200B", "\u202E", "\uFEFF", "\u0301", "😀", "\uD800", "ratio", "x", "°", "%", "\\", "*/", "/*", "#line 1 \"evil\"", "\"\"\"", "@\"", "{0}"];

    /// <summary>The next input, as bytes (some are not valid UTF-8), and how it was made.</summary>
    public (byte[] Bytes, string Kind) Next()
    {
        var choice = _random.Next(100);
        if (choice < 30)
        {
            return (Utf8(GeneratedFile()), "generated");
        }
        var text = choice < 60 ? GeneratedFile() : seeds[_random.Next(seeds.Count)];
        var mutations = 1 + _random.Next(_random.Next(8) == 0 ? 20 : 4);
        var kind = new StringBuilder("mutated:");
        for (var i = 0; i < mutations; i++)
        {
            text = Mutate(text, kind);
        }
        if (_random.Next(40) == 0)
        {
            kind.Append(" invalid-utf8");
            return (InvalidUtf8(Utf8(text)), kind.ToString());
        }
        return (Utf8(text), kind.ToString());
    }

    public string GeneratedFile()
    {
        var builder = new StringBuilder();
        if (_random.Next(4) == 0)
        {
            builder.Append("# ").Append(Pick(Words)).Append(" header\n");
        }
        if (_random.Next(3) == 0)
        {
            builder.Append("let ").Append(Pick(["T", "T_anneal", "t"])).Append(" = ").Append(Quantity()).Append('\n');
        }
        if (_random.Next(3) == 0)
        {
            return builder.Append(StepList("")).Append('\n').ToString();
        }
        var recipes = 1 + _random.Next(3);
        for (var r = 0; r < recipes; r++)
        {
            builder.Append("recipe r").Append(r);
            if (_random.Next(4) == 0)
            {
                builder.Append("(T: temperature = ").Append(Quantity()).Append(')');
            }
            if (_random.Next(5) != 0)
            {
                builder.Append(" for ").Append(Pick(Materials));
            }
            builder.Append(" {").Append(_random.Next(4) == 0 ? "  # open\n" : "\n");
            if (_random.Next(2) == 0)
            {
                builder.Append("  defects ").Append(string.Join(", ", Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(Defects)).Distinct())).Append('\n');
            }
            if (_random.Next(3) == 0)
            {
                builder.Append("  batch ").Append(Pick(["50 g", "1 kg", "10g"])).Append('\n');
            }
            if (_random.Next(4) == 0)
            {
                builder.Append("  expect 166 mAh/g at 0.1C\n");
            }
            if (r > 0 && _random.Next(3) == 0)
            {
                builder.Append("  use r0\n");
            }
            builder.Append(StepList("  ")).Append("\n}\n\n");
        }
        return builder.ToString();
    }

    private string StepList(string indent)
    {
        var steps = Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => Step()).ToList();
        var builder = new StringBuilder(indent).Append(steps[0]);
        foreach (var step in steps.Skip(1))
        {
            var separator = Pick(Separators);
            builder.Append(separator.EndsWith('\n') ? separator + indent : separator).Append(step);
        }
        return builder.ToString();
    }

    private string Step()
    {
        var arguments = Enumerable.Range(0, _random.Next(5)).Select(_ => _random.Next(3) switch
        {
            0 => Pick(Words),
            1 => Quantity(),
            _ => Pick(["ratio LiOH:LiNO3 = 4:6", "ramp 5C/min", "x3", "O2", "vacuum", "\"a \\\"note\\\"\"", "counter Pt", "cutoff -0.8V", "1wt%"]),
        });
        return string.Join(' ', arguments.Prepend(Pick(Operations)));
    }

    private string Quantity() => Pick(Numbers) + Pick(Units);

    private string Mutate(string text, StringBuilder kind)
    {
        var at = _random.Next(text.Length + 1);
        switch (_random.Next(12))
        {
            case 0:
                kind.Append(" insert");
                return text.Insert(at, Pick(Noise));
            case 1:
                kind.Append(" delete");
                return text.Remove(at, Math.Min(1 + _random.Next(6), text.Length - at));
            case 2:
            {
                kind.Append(" duplicate");
                var length = Math.Min(1 + _random.Next(30), text.Length - at);
                return text.Insert(at, text.Substring(at, length));
            }
            case 3:
            {
                kind.Append(" swap-lines");
                var lines = text.Split('\n');
                var (a, b) = (_random.Next(lines.Length), _random.Next(lines.Length));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            }
            case 4:
                kind.Append(" unicode");
                return text.Insert(at, char.ConvertFromUtf32(Pick([0x00A0, 0x2028, 0x2029, 0x0660, 0xFF10, 0x212A, 0x00B5, 0x03BC, 0x1F9EA, 0x0000, 0x001B, 0x007F, 0x2066, 0x2069])));
            case 5:
                kind.Append(" huge-number");
                return text.Insert(at, " " + new string('9', 1 + _random.Next(_random.Next(50) == 0 ? 5000 : 200)) + Pick(Units) + " ");
            case 6:
            {
                kind.Append(" deep-nesting");
                var depth = 1 + _random.Next(_random.Next(50) == 0 ? 3000 : 100);
                var (open, close) = Pick([("(", ")"), ("{", "}"), ("(H", ")2"), ("recipe x {", "}"), ("Ni(", ")2"), ("[", "]")]);
                return text.Insert(at, " " + string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, _random.Next(2) == 0 ? depth : depth / 2)) + " ");
            }
            case 7:
                kind.Append(" long-name");
                return text.Insert(at, " " + Pick(["r", "Li", "T_", "x"]) + new string(Pick(['a', 'O', '_', '2']), 1 + _random.Next(_random.Next(50) == 0 ? 20_000 : 200)) + " ");
            case 8:
            {
                kind.Append(" many-lines");
                var line = text.Split('\n')[_random.Next(text.Split('\n').Length)];
                return text.Insert(at, "\n" + string.Concat(Enumerable.Repeat(line + "\n", 1 + _random.Next(_random.Next(20) == 0 ? 200 : 20))));
            }
            case 9:
                kind.Append(" number-edge");
                return text.Insert(at, Pick(["NaN", "Infinity", "1e308", "1e-400", "-0", "0x10", "1_000", "١٢٣", "1e99999", "00000000001", "4.", "-.", "+"]) + Pick(Units));
            case 10:
                kind.Append(" keyword");
                return text.Insert(at, " " + Pick(["recipe", "then", "let", "use", "import \"x.recipe\"", "import \"../../etc/passwd\"", "defects", "for", "batch", "expect", "note"]) + " ");
            default:
            {
                kind.Append(" replace-token");
                var end = at;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }
                return text[..at] + Pick(Words.Concat(Noise).Concat(Operations).ToArray()) + text[end..];
            }
        }
    }

    private byte[] InvalidUtf8(byte[] bytes)
    {
        var list = bytes.ToList();
        list.Insert(_random.Next(list.Count + 1), Pick(new byte[] { 0xFF, 0xC0, 0x80, 0xED, 0xF8 }));
        return [.. list];
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
