using FsCheck;
using FsCheck.Fluent;
using RecipeLang.Configuration;

namespace RecipeLang.Core.Tests.Configuration;

public class SiteConfigPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(2024, 2025);

    private const string Valid = """
        {
          "equipment": { "furnaceMaxC": 1200, "gases": ["O2", "air"], "autoclaveFillRatio": { "min": 60, "max": 80 } },
          "reagents": [ { "name": "lithium_acetate", "formula": "LiC2H3O2", "roles": ["lithium_source"] } ],
          "rules": { "RL0010": "off" },
          "exclude": ["drafts/**"]
        }
        """;

    // A valid file with one span cut out or replaced: every kind of half-typed config an editor sees.
    private static Arbitrary<string> Mutated =>
        (from start in Gen.Choose(0, Valid.Length - 1)
         from length in Gen.Choose(0, 12)
         from insert in Gen.Elements("", "\"", "{", "}", "[", ",", ":", "1e999", "-", "null", "\"x\"", "ü")
         select Valid.Remove(start, Math.Min(length, Valid.Length - start)).Insert(start, insert)).ToArbitrary();

    private static bool WellFormed(SiteConfigResult result, string text)
    {
        var lines = text.Split('\n').Length;
        return result.Success
            ? result.Errors.Count == 0
            : result.Errors.Count > 0 && result.Errors.All(e => e.Line >= 1 && e.Line <= lines && e.Column >= 1 && e.Message.Length > 0);
    }

    [Test]
    public void The_unmutated_file_is_valid() => Assert.That(SiteConfig.Parse(Valid, "x").Success, Is.True);

    [Test]
    public void Mutated_files_never_throw_and_every_error_is_located() =>
        Check.One(Runs, Prop.ForAll(Mutated, text => WellFormed(SiteConfig.Parse(text, "recipelang.json"), text)));

    [Test]
    public void Arbitrary_text_never_throws() =>
        Check.One(Runs, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= "";
            return WellFormed(SiteConfig.Parse(text, "recipelang.json"), text);
        }));
}
