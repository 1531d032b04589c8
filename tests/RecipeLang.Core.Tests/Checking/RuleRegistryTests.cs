using RecipeLang.Checking;
using RecipeLang.Diagnostics;

namespace RecipeLang.Core.Tests.Checking;

public class RuleRegistryTests
{
    [Test]
    public void Every_rule_class_of_core_is_registered_once()
    {
        var classes = typeof(Rule).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract).ToList();

        Assert.That(RuleRegistry.All.Select(r => r.GetType()), Is.EquivalentTo(classes));
        Assert.That(RuleRegistry.Recipes.Count + RuleRegistry.Files.Count, Is.EqualTo(RuleRegistry.All.Count));
    }

    [Test]
    public void Every_process_and_sequence_code_and_RL5001_is_reported_by_a_rule_class_and_owned_by_one()
    {
        // RL3xxx (process limits), RL4xxx (sequence) and RL5001 are checks on the bound model, never binding errors.
        var ruleCodes = Descriptors.All.Select(d => d.Code).Where(c => c.StartsWith("RL3", StringComparison.Ordinal) || c.StartsWith("RL4", StringComparison.Ordinal) || c == "RL5001");
        var owners = RuleRegistry.All.GroupBy(r => r.Descriptor.Code).ToDictionary(g => g.Key, g => g.Count());
        var reported = RuleRegistry.All.SelectMany(r => r.Reports).Select(d => d.Code).ToHashSet();

        Assert.Multiple(() =>
        {
            foreach (var code in ruleCodes)
            {
                Assert.That(reported, Does.Contain(code), $"no rule class reports {code}");
            }
            foreach (var (code, count) in owners)
            {
                Assert.That(count, Is.EqualTo(1), $"{code} is the own code of {count} rule classes");
            }
        });
    }
}
