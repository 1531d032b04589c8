using System.Text;
using System.Text.Json;

namespace RecipeLang.Bench;

/// <summary>
/// A generated recipe library: realistic multi-step recipes over every material, with the same content written
/// as JSON so that reading structured text with System.Text.Json gives a floor to compare the checker with.
/// </summary>
public static class RecipeLibrary
{
    private static readonly string[] Materials = ["NCM111", "NCM523", "NCM622", "NCM65", "NCM811", "NCM83", "NCM90", "NCM94", "LCO"];

    public static (string[] Recipes, string[] Json) Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var recipes = new string[count];
        var json = new string[count];
        for (var i = 0; i < count; i++)
        {
            var material = Materials[random.Next(Materials.Length)];
            var hydrothermal = 150 + random.Next(0, 70);
            var anneal = material.StartsWith("NCM8", StringComparison.Ordinal) || material.StartsWith("NCM9", StringComparison.Ordinal) ? 700 + random.Next(0, 50) : 800 + random.Next(0, 80);
            var steps = new (string Operation, string[] Arguments)[]
            {
                ("hydrothermal", ["4M", "LiOH", $"{hydrothermal}C", $"{2 + random.Next(4)}h"]),
                ("wash", ["water", "x3"]),
                ("dry", ["80C", "12h", "vacuum"]),
                ("anneal", [$"{anneal}C", "O2", $"{2 + random.Next(8)}h", "ramp", "5C/min"]),
                ("coat", ["Li3PO4", "1wt%"]),
            };
            var text = new StringBuilder();
            text.Append("# generated recipe ").Append(i).Append('\n');
            text.Append("recipe r").Append(i).Append(" for ").Append(material).Append(" {\n");
            text.Append("  defects lithium_loss(li_tm = 0.9), cation_mixing, tm_dissolution\n  batch 50 g\n");
            for (var s = 0; s < steps.Length; s++)
            {
                text.Append(s == 0 ? "  " : "  then ").Append(steps[s].Operation).Append(' ').AppendJoin(' ', steps[s].Arguments).Append('\n');
            }
            text.Append("}\n");
            recipes[i] = text.ToString();
            json[i] = JsonSerializer.Serialize(new
            {
                name = $"r{i}",
                material,
                defects = new[] { "lithium_loss", "cation_mixing", "tm_dissolution" },
                batch = "50 g",
                steps = steps.Select(s => new { operation = s.Operation, arguments = s.Arguments }),
            });
        }
        return (recipes, json);
    }

    public static double Megabytes(IEnumerable<string> texts) => texts.Sum(t => (double)Encoding.UTF8.GetByteCount(t)) / (1024 * 1024);
}
