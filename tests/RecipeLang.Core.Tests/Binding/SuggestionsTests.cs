using RecipeLang.Binding;

namespace RecipeLang.Core.Tests.Binding;

public class SuggestionsTests
{
    private static readonly string[] Names = ["W", "Ar", "h", "NCM111", "NCM523", "NCM512", "water", "vacuum", "relithiate", "C/min", "O2"];

    [TestCase("watr", "water")]
    [TestCase("vacum", "vacuum")]
    [TestCase("relithiat", "relithiate")]
    [TestCase("C/mn", "C/min")]
    [TestCase("ncm523", "NCM523")]
    [TestCase("NCM522", "NCM523")]
    [TestCase("o2", "O2")]
    [TestCase("wtaer", "water")]
    [TestCase("NCM152", "NCM512")]
    public void Close_typos_are_suggested(string typed, string expected) =>
        Assert.That(Suggestions.Closest(typed, Names), Is.EqualTo(expected));

    [TestCase("Fe")]
    [TestCase("F")]
    [TestCase("hrs")]
    [TestCase("hours")]
    [TestCase("xyzzy")]
    public void A_suggestion_never_rewrites_most_of_the_name(string typed) =>
        Assert.That(Suggestions.Closest(typed, Names), Is.Null);
}
