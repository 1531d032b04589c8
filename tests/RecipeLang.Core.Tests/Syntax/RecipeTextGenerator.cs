using FsCheck;
using FsCheck.Fluent;

namespace RecipeLang.Core.Tests.Syntax;

/// <summary>Random recipe texts: well-formed ones built from the grammar's pieces, and mutations of them.</summary>
public static class RecipeTextGenerator
{
    private static readonly string[] Operations = ["hydrothermal", "anneal", "coat", "wash", "dry", "molten_salt", "dope", "etch", "mix"];
    private static readonly string[] Names = ["LiOH", "LiOH·H2O", "Ni(OH)2", "O2", "air", "vacuum", "citric_acid", "ultrasonic", "x3", "ramp", "Li3PO4"];
    private static readonly string[] Units = ["C", " C", "°C", " °C", "K", "h", "min", "M", " M", "wt%", "mol%", "C/min", "bar", "g", " g", "mA/g", "V", ""];
    private static readonly string[] Numbers = ["220", "4", "0.5", "850", "-0.8", "1e3", "12"];
    private static readonly string[] Separators = [" then ", "\n", "; ", "\nthen ", "  # note\n", "\n\n# comment\n"];
    private static readonly string[] Noise = ["@", ")", "(", "=", "\"", "}", "{", ",", ":", "-", "then", "recipe", "\n", "#", "1.2.3", "é", "\u00B7", "\t"];

    public static Gen<string> Argument { get; } = Gen.OneOf(
        Gen.Elements(Names),
        Gen.Elements(Numbers).SelectMany(n => Gen.Elements(Units).Select(u => n + u)),
        Gen.Constant("LiOH-LiNO3"),
        Gen.Constant("ratio LiOH:LiNO3 = 4:6"),
        Gen.Constant("ratio 90:5:5"),
        Gen.Constant("\"a \\\"note\\\"\""));

    public static Gen<string> Step { get; } =
        Gen.Elements(Operations).SelectMany(op => Gen.ArrayOf(Argument).Select(args => op + (args.Length > 0 ? " " : "") + string.Join(" ", args.Take(5))));

    public static Gen<string> StepList { get; } =
        Step.NonEmptyListOf().SelectMany(steps => Gen.Elements(Separators).ArrayOf(steps.Count).Select(seps =>
            string.Concat(steps.Select((s, i) => (i == 0 ? "" : seps[i].Trim() == "" || seps[i].Contains('\n') || seps[i].Contains(';') || seps[i].Contains("then") ? seps[i] : "\n") + s))));

    /// <summary>Well-formed files: a bare step list, or recipes with clauses around step lists.</summary>
    public static Gen<string> ValidFile { get; } = Gen.OneOf(
        StepList,
        StepList.SelectMany(body => Gen.Elements("NCM523", "NCM811", "LCO").Select(material =>
            $"# header\nlet T = 850C\nrecipe r1 for {material} {{  # open\n  defects lithium_loss(li_tm = 0.62), cation_mixing\n  batch 50 g\n{body}\n  # before close\n}}\n\nrecipe r2(T: temperature = 220C) {{ use r1; anneal T O2 then dry 80C }}\n")));

    /// <summary>Valid files with random tokens inserted, deleted or swapped: what an editor sees mid-typing.</summary>
    public static Gen<string> MutatedFile { get; } =
        ValidFile.SelectMany(text => Gen.Choose(0, Math.Max(0, text.Length)).ArrayOf(4).SelectMany(positions =>
            Gen.Elements(Noise).ArrayOf(4).SelectMany(noise => Gen.Choose(0, 2).Select(mode => Mutate(text, positions, noise, mode)))));

    private static string Mutate(string text, int[] positions, string[] noise, int mode)
    {
        foreach (var (position, insert) in positions.Zip(noise).OrderByDescending(p => p.First))
        {
            var at = Math.Min(position, text.Length);
            text = mode switch
            {
                0 => text.Insert(at, insert),
                1 => text.Remove(at, Math.Min(insert.Length, text.Length - at)),
                _ => text.Remove(at, Math.Min(insert.Length, text.Length - at)).Insert(at, insert),
            };
        }
        return text;
    }
}
