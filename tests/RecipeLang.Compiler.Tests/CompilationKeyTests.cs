namespace RecipeLang.Compiler.Tests;

public class CompilationKeyTests
{
    private const string Recipe = "recipe k for NCM523 {\n  hydrothermal 4M LiOH 180C 3h\n  then anneal 850C O2 4h\n}\n";

    private static string KeyOf(string text) =>
        CompilationKey.Compute(Examples.LowerFile(Path.Combine(Examples.Root, "examples", "key.recipe"), text));

    [Test]
    public void The_same_recipe_lowered_twice_has_the_same_key() =>
        Assert.That(KeyOf(Recipe), Is.EqualTo(KeyOf(Recipe)).And.Length.EqualTo(64));

    [Test]
    public void A_changed_number_changes_the_key() =>
        Assert.That(KeyOf(Recipe.Replace("850C", "851C", StringComparison.Ordinal)), Is.Not.EqualTo(KeyOf(Recipe)));

    [Test]
    public void A_changed_comment_changes_the_key_because_the_plan_records_the_recipe_hash() =>
        Assert.That(KeyOf("# note\n" + Recipe), Is.Not.EqualTo(KeyOf(Recipe)));

    [Test]
    public void Another_assembly_name_changes_the_key()
    {
        var recipes = Examples.LowerFile(Path.Combine(Examples.Root, "examples", "key.recipe"), Recipe);
        Assert.That(CompilationKey.Compute(recipes, "Other"), Is.Not.EqualTo(CompilationKey.Compute(recipes)));
    }

    [Test]
    public void An_embedded_pdb_changes_the_key_and_the_image()
    {
        var recipes = Examples.LowerFile(Path.Combine(Examples.Root, "examples", "key.recipe"), Recipe);
        Assert.That(CompilationKey.Compute(recipes, embedPdb: true), Is.Not.EqualTo(CompilationKey.Compute(recipes)));
        Assert.That(PlanCompiler.Compile(recipes, embedPdb: true).Image, Is.Not.EqualTo(PlanCompiler.Compile(recipes).Image));
    }
}
