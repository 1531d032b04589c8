using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Checking;

/// <summary>Messages show a user's values the way they show the catalog's ranges: "260 °C", not "260C".</summary>
public class MessageWordingTests
{
    private static string Message(string text, string code) =>
        new RecipeWorkspace(new MockFileSystem()).Analyze(new SourceText(text, "/r/main.recipe")).Diagnostics.First(d => d.Code == code).Message;

    [Test]
    public void A_value_outside_its_usual_range_is_shown_with_its_unit_symbol()
    {
        var message = Message("recipe r for NCM523 {\n  hydrothermal 4M LiOH 230C 3h\n}\n", "RL3010");

        Assert.That(message, Does.StartWith("hydrothermal temperature of 230 °C is outside the usual 100–220 °C"));
    }

    [Test]
    public void An_anneal_outside_the_window_says_what_it_heats_and_to_what()
    {
        var message = Message("recipe r for NCM523 {\n  anneal 920C O2 4h\n}\n", "RL3001");

        Assert.That(message, Does.StartWith("anneal heats NCM523 to 920 °C, outside its anneal window 700–900 °C"));
    }
}
