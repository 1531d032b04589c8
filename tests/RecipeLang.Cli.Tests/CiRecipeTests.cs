using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace RecipeLang.Cli.Tests;

/// <summary>
/// The CI recipes in docs/ci/ and the repository's .pre-commit-hooks.yaml, run as written: every recipelang
/// command they contain is executed on a small library (the tool-install lines are not: they need a packed
/// nupkg and a tool install, which CI and docs/ci.md cover).
/// </summary>
public class CiRecipeTests : ScratchFolderTest
{
    private const string Accepted = "recipe r for NCM811 {\n  anneal 760C air 4h\n}\n";

    [SetUp]
    public void AdoptLintOnALibraryWithAFinding()
    {
        Write("recipes/old.recipe", Accepted);
        Write("recipes/good.recipe", "recipe g for NCM811 {\n  anneal 760C O2 4h\n}\n");
        Assert.That(CliRunner.Run(Folder, "fmt", "recipes").ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run(Folder, "lint", "recipes", "--baseline", "write", "recipelang-baseline.json").ExitCode, Is.EqualTo(0));
    }

    private static YamlNode Load(string relative)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, relative))));
        return yaml.Documents[0].RootNode;
    }

    private static string[] Arguments(string commandLine)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(words[0], Is.EqualTo("recipelang"));
        return words[1..];
    }

    private List<CliRunner.Result> RunAll(IEnumerable<string> commandLines) =>
        commandLines.Where(l => l.StartsWith("recipelang ", StringComparison.Ordinal)).Select(l => CliRunner.Run(Folder, Arguments(l))).ToList();

    [Test]
    public void Github_actions_workflow_lints_with_annotations_and_writes_the_sarif_it_uploads()
    {
        var steps = ((YamlSequenceNode)Load("docs/ci/github-actions.yml")["jobs"]["lint"]["steps"]).Children.Cast<YamlMappingNode>().ToList();
        var runs = steps.Where(s => s.Children.ContainsKey("run")).Select(s => s["run"].ToString()).ToList();
        Assert.That(runs.Count(r => r.StartsWith("recipelang ", StringComparison.Ordinal)), Is.EqualTo(3));

        var results = RunAll(runs);
        Assert.That(results.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Output + r.Error)));
        var upload = steps.Single(s => s.Children.ContainsKey("uses") && s["uses"].ToString().StartsWith("github/codeql-action/upload-sarif", StringComparison.Ordinal));
        var sarif = Path.Combine(Folder, upload["with"]["sarif_file"].ToString());
        using (var log = JsonDocument.Parse(File.ReadAllText(sarif)))
            Assert.That(log.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));

        Write("recipes/new.recipe", "recipe n for NCM811 {\n  anneal 760C N2 4h\n}\n");
        var annotate = CliRunner.Run(Folder, Arguments(runs.Single(r => r.Contains("--format github"))));
        Assert.That(annotate.ExitCode, Is.EqualTo(1), "a new finding fails the job");
        Assert.That(annotate.Output, Does.StartWith("::error file=recipes/new.recipe,line=2,"));
    }

    [Test]
    public void Gitlab_job_writes_the_code_quality_report_it_declares()
    {
        var job = Load("docs/ci/gitlab-ci.yml")["recipelang"];
        var script = ((YamlSequenceNode)job["script"]).Children.Select(c => c.ToString()).ToList();
        var results = RunAll(script);
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Output + r.Error)));
        var report = Path.Combine(Folder, job["artifacts"]["reports"]["codequality"].ToString());
        using var issues = JsonDocument.Parse(File.ReadAllText(report));
        Assert.That(issues.RootElement.GetArrayLength(), Is.EqualTo(0), "the accepted finding is in the baseline");
    }

    [Test]
    public void Pre_commit_hooks_check_the_staged_recipes()
    {
        var hooks = ((YamlSequenceNode)Load(".pre-commit-hooks.yaml")).Children.Cast<YamlMappingNode>().ToDictionary(h => h["id"].ToString());
        Assert.That(hooks.Keys, Is.EquivalentTo(new[] { "recipelang-fmt", "recipelang-lint" }));

        CliRunner.Result Hook(string id, params string[] staged)
        {
            var hook = hooks[id];
            var files = staged.Where(f => Regex.IsMatch(f, hook["files"].ToString())).ToArray();
            Assert.That(files, Is.Not.Empty);
            return CliRunner.Run(Folder, [.. Arguments(hook["entry"].ToString()), .. files]);
        }

        Write("README.md", "not a recipe");
        Assert.That(Hook("recipelang-fmt", "recipes/good.recipe", "README.md").ExitCode, Is.EqualTo(0));
        Assert.That(Hook("recipelang-lint", "recipes/good.recipe", "README.md").ExitCode, Is.EqualTo(0));

        Write("recipes/messy.recipe", "recipe m for NCM811 {\nanneal   760C O2 4h }\n");
        Assert.That(Hook("recipelang-fmt", "recipes/messy.recipe").ExitCode, Is.EqualTo(1));
        Assert.That(Hook("recipelang-lint", "recipes/old.recipe").ExitCode, Is.EqualTo(1), "a hook lints without the CI baseline");
    }
}
