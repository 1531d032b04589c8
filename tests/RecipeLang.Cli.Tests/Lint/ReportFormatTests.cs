using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace RecipeLang.Cli.Tests.Lint;

/// <summary>
/// Each report format against what reads it: SARIF against the published SARIF 2.1.0 schema (npm
/// @microsoft/jest-sarif, installed by `npm ci --prefix tests/schemas`), GitLab code quality against the
/// Code Climate issue spec, GitHub annotations against the runner's command syntax, and the VS Code
/// extension's $recipelang problem matcher against real `check` output.
/// </summary>
public class ReportFormatTests : ScratchFolderTest
{
    private static string SchemaFolder => Path.Combine(CliRunner.RepositoryRoot, "tests", "schemas");

    [SetUp]
    public void WriteLibrary()
    {
        Write("lib/bad.recipe", "recipe r for NCM811 {\n  anneal 760C air 4h\n}\nrecipe s for NCM811 {\n  anneal 760C air 4h\n}\n");
        Write("lib/units.recipe", "let T_spare = 1C\nanneal 4M O2\n");
    }

    private static JsonSchema Load(string relative)
    {
        var path = Path.Combine(SchemaFolder, relative);
        if (!File.Exists(path))
            Assert.Fail($"{path} is missing: run 'npm ci --prefix tests/schemas' (.ci/run does)");
        return JsonSchema.FromFileAsync(path).GetAwaiter().GetResult();
    }

    [Test]
    public void Sarif_is_valid_for_the_published_sarif_2_1_0_schema()
    {
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "sarif");
        var errors = Load("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json").Validate(result.Output);
        Assert.That(errors, Is.Empty, string.Join("\n", errors));
        Assert.That(result.Output, Does.Contain("\"ruleId\": \"RL3002\""), "the report holds results");
    }

    [Test]
    public void Codeclimate_is_valid_for_the_code_climate_issue_spec_with_unique_fingerprints()
    {
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "codeclimate");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        var errors = Load("codeclimate-report.schema.json").Validate(result.Output);
        Assert.That(errors, Is.Empty, string.Join("\n", errors));

        using var report = JsonDocument.Parse(result.Output);
        var issues = report.RootElement.EnumerateArray().ToList();
        Assert.That(issues.Select(i => i.GetProperty("check_name").GetString()), Is.EquivalentTo(new[] { "RL3002", "RL3002", "RL1009", "RL2001", "RL5001" }));
        Assert.That(issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count(), Is.EqualTo(issues.Count), "two identical findings still get distinct fingerprints");
        var first = issues[0];
        Assert.That(first.GetProperty("location").GetProperty("path").GetString(), Is.EqualTo("lib/bad.recipe"));
        Assert.That(first.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32(), Is.EqualTo(2));
        Assert.That(first.GetProperty("severity").GetString(), Is.EqualTo("critical"));
    }

    [Test]
    public void Github_format_is_one_workflow_command_per_finding()
    {
        Write("lib/odd, name.recipe", "let T_spare = 1C\n");
        var result = CliRunner.Run(Folder, "lint", "lib", "--format", "github");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var command = new Regex(@"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::([^\r\n]+)$");
        Assert.That(lines, Has.Length.EqualTo(6));
        Assert.That(lines, Has.All.Matches(command));
        Assert.That(lines, Does.Contain("::error file=lib/bad.recipe,line=2,col=15,endLine=2,endColumn=18,title=RL3002 Anneal atmosphere not allowed for the material::NCM811 may be annealed only in O2 (review Table 1 row 13 citing [53] Chang et al. 2020; LiNi0.8Co0.1Mn0.1O2 as in [50] Kondrakov et al. 2017); NCM811 is Ni-rich (Ni = 0.8): air leaves Ni2+, which mixes onto Li sites and forms rock salt; use O2"));
        Assert.That(lines, Has.Some.StartsWith("::warning file=lib/odd%2C name.recipe,line=1,"), "',' in a property is escaped");
    }

    [Test]
    public void The_extensions_problem_matcher_reads_every_line_of_real_check_output()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "vscode-extension", "package.json")));
        var matcher = manifest.RootElement.GetProperty("contributes").GetProperty("problemMatchers")[0];
        Assert.That(matcher.GetProperty("name").GetString(), Is.EqualTo("recipelang"));
        var pattern = matcher.GetProperty("pattern");
        var regex = new Regex(pattern.GetProperty("regexp").GetString()!);
        int Group(string name) => pattern.GetProperty(name).GetInt32();

        Write("lib/hint.recipe", "anneal 850C O2 4h\n");
        var result = CliRunner.Run(Folder, "check", "lib");
        var findings = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("Checked ", StringComparison.Ordinal)).ToList();
        Assert.That(findings, Has.Count.GreaterThanOrEqualTo(5));
        foreach (var line in findings)
        {
            var match = regex.Match(line);
            Assert.That(match.Success, Is.True, line);
            Assert.That(File.Exists(Path.Combine(Folder, match.Groups[Group("file")].Value)), Is.True, line);
            Assert.That(int.Parse(match.Groups[Group("line")].Value), Is.GreaterThan(0));
            Assert.That(match.Groups[Group("code")].Value, Does.Match(@"^RL\d{4}$"));
            Assert.That(match.Groups[Group("message")].Value, Is.Not.Empty);
        }
        var hint = regex.Match(findings.First(l => l.Contains(" hint ")));
        Assert.That(hint.Groups[Group("severity")].Success, Is.False, "a hint leaves the severity group empty, so the matcher's default (info) applies");
        Assert.That(matcher.GetProperty("severity").GetString(), Is.EqualTo("info"));
        var error = regex.Match(findings.First(l => l.Contains(" error ")));
        Assert.That(error.Groups[Group("severity")].Value, Is.EqualTo("error"));
    }
}
