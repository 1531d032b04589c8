using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Configuration;

namespace RecipeLang.Core.Tests.Configuration;

public class SiteConfigLocatorTests
{
    private static MockFileSystem FileSystem() => new(new Dictionary<string, MockFileData>
    {
        [Rooted("lab/recipelang.json")] = new("{}"),
        [Rooted("lab/ncm/nested/recipelang.json")] = new("{}"),
        [Rooted("lab/ncm/nested/deep/x.recipe")] = new(""),
        [Rooted("lab/ncm/a.recipe")] = new(""),
        [Rooted("other/b.recipe")] = new(""),
    });

    private static string Rooted(string relative) =>
        MockUnixSupport.Path("/" + relative);

    [Test]
    public void Finds_the_nearest_config_walking_up()
    {
        var fs = FileSystem();
        Assert.That(SiteConfigLocator.Find(fs, Rooted("lab/ncm/a.recipe")), Is.EqualTo(Rooted("lab/recipelang.json")));
        Assert.That(SiteConfigLocator.Find(fs, Rooted("lab/ncm/nested/deep/x.recipe")), Is.EqualTo(Rooted("lab/ncm/nested/recipelang.json")));
    }

    [Test]
    public void A_config_beside_the_recipe_wins()
    {
        var fs = FileSystem();
        fs.AddFile(Rooted("lab/ncm/recipelang.json"), new MockFileData("{}"));
        Assert.That(SiteConfigLocator.Find(fs, Rooted("lab/ncm/a.recipe")), Is.EqualTo(Rooted("lab/ncm/recipelang.json")));
    }

    [Test]
    public void A_directory_starts_the_search_in_itself()
    {
        Assert.That(SiteConfigLocator.Find(FileSystem(), Rooted("lab/ncm/nested")), Is.EqualTo(Rooted("lab/ncm/nested/recipelang.json")));
    }

    [Test]
    public void No_config_anywhere_up_is_null()
    {
        Assert.That(SiteConfigLocator.Find(FileSystem(), Rooted("other/b.recipe")), Is.Null);
        Assert.That(SiteConfigLocator.Find(FileSystem(), ""), Is.Null);
    }

    [Test]
    public void A_recipe_that_does_not_exist_yet_still_finds_its_config() =>
        Assert.That(SiteConfigLocator.Find(FileSystem(), Rooted("lab/new/unsaved.recipe")), Is.EqualTo(Rooted("lab/recipelang.json")));
}
