using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Configuration;

public class WorkspaceConfigLookupTests
{
    private static string Rooted(string path) => MockUnixSupport.Path(path);

    private const string Config = """{ "equipment": { "furnaceMaxC": 1200 } }""";

    [Test]
    public void Every_recipe_of_a_folder_gets_the_config_above_it()
    {
        var fileSystem = new MockFileSystem(new Dictionary<string, MockFileData> { [Rooted("/site/recipelang.json")] = new(Config) });
        var workspace = new RecipeWorkspace(fileSystem);

        var configs = new[] { Rooted("/site/a/x.recipe"), Rooted("/site/a/y.recipe"), Rooted("/site/b/z.recipe") }.Select(p => workspace.SiteConfigFor(p).Config).ToList();

        Assert.That(configs.Select(c => c.Path), Is.All.EqualTo(fileSystem.Path.GetFullPath(Rooted("/site/recipelang.json"))));
        Assert.That(configs.Select(c => c.Equipment.FurnaceMaxC), Is.All.EqualTo(1200));
    }

    [Test]
    public void A_config_created_later_is_seen_after_the_configs_are_invalidated()
    {
        var fileSystem = new MockFileSystem();
        fileSystem.AddDirectory(Rooted("/site/a"));
        var workspace = new RecipeWorkspace(fileSystem);
        Assert.That(workspace.SiteConfigFor(Rooted("/site/a/x.recipe")).Config.Path, Is.Null);

        fileSystem.AddFile(Rooted("/site/recipelang.json"), new MockFileData(Config));
        workspace.InvalidateConfigs();

        Assert.That(workspace.SiteConfigFor(Rooted("/site/a/x.recipe")).Config.Equipment.FurnaceMaxC, Is.EqualTo(1200));
    }
}
