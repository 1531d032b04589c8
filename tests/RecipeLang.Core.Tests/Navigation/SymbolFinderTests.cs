using System.IO.Abstractions.TestingHelpers;
using RecipeLang.Navigation;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Core.Tests.Navigation;

public class SymbolFinderTests
{
    private const string Library = "recipe relithiate(T: temperature = 180C) {\n  hydrothermal 4M LiOH T 3h\n}\n";
    private const string Main = "import \"lib.recipe\"\nlet T_anneal = 850C\nrecipe main for NCM523 {\n  use relithiate(T = 200C)\n  then wash water\n  then dry 80C 12h\n  then anneal T_anneal O2 4h\n}\n";

    private readonly MockFileSystem _files = new(new Dictionary<string, MockFileData>
    {
        ["/lab/lib.recipe"] = new(Library),
        ["/lab/main.recipe"] = new(Main),
    });

    private RecipeWorkspace Workspace => new(_files);

    private DocumentAnalysis Analyze(RecipeWorkspace workspace, string path) => workspace.Analyze(new SourceText(_files.File.ReadAllText(path), path));

    [Test]
    public void UseGoesToTheImportedRecipe()
    {
        var workspace = Workspace;
        var main = Analyze(workspace, "/lab/main.recipe");

        var symbol = SymbolFinder.FindSymbol(workspace, main, Main.IndexOf("relithiate", StringComparison.Ordinal) + 2)!;

        Assert.That((symbol.Kind, symbol.Path, symbol.NameSpan.Start), Is.EqualTo((SymbolKind.Recipe, "/lab/lib.recipe", Library.IndexOf("relithiate", StringComparison.Ordinal))));
    }

    [Test]
    public void RenameARecipeAcrossTwoFiles()
    {
        var workspace = Workspace;
        var documents = new[] { Analyze(workspace, "/lab/lib.recipe"), Analyze(workspace, "/lab/main.recipe") };
        var symbol = SymbolFinder.FindSymbol(workspace, documents[0], 8)!;

        var edits = SymbolFinder.Rename(workspace, symbol, "relithiate_lioh", documents);

        Assert.That(edits.Keys, Is.EquivalentTo(new[] { "/lab/lib.recipe", "/lab/main.recipe" }));
        var renamed = new SourceText(Main, "/lab/main.recipe").WithChanges(edits["/lab/main.recipe"]).Text;
        Assert.That(renamed, Does.Contain("use relithiate_lioh(T = 200C)"));
    }

    [Test]
    public void ConstantsAndParametersHaveTheirReferences()
    {
        var workspace = Workspace;
        var documents = new[] { Analyze(workspace, "/lab/lib.recipe"), Analyze(workspace, "/lab/main.recipe") };

        var constant = SymbolFinder.FindSymbol(workspace, documents[1], Main.LastIndexOf("T_anneal", StringComparison.Ordinal))!;
        Assert.That(constant.Kind, Is.EqualTo(SymbolKind.Constant));
        Assert.That(SymbolFinder.FindReferences(workspace, constant, documents).Count(), Is.EqualTo(2));

        // T inside the library recipe, its declaration, and the named argument at the use in the other file.
        var parameter = SymbolFinder.FindSymbol(workspace, documents[0], Library.IndexOf("LiOH T", StringComparison.Ordinal) + 5)!;
        Assert.That((parameter.Kind, parameter.Container), Is.EqualTo((SymbolKind.Parameter, "relithiate")));
        var references = SymbolFinder.FindReferences(workspace, parameter, documents).ToList();
        Assert.That(references.Select(r => (r.Path, r.IsDefinition)), Is.EquivalentTo(new[] { ("/lab/lib.recipe", true), ("/lab/lib.recipe", false), ("/lab/main.recipe", false) }));
    }

    [TestCase("good_name", true)]
    [TestCase("then", false)]
    [TestCase("two words", false)]
    [TestCase("4M", false)]
    public void NewNamesMustBeOneWord(string name, bool valid) => Assert.That(SymbolFinder.IsValidName(name), Is.EqualTo(valid));
}
