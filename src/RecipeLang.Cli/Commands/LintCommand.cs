using System.CommandLine;
using RecipeLang.Cli.Baseline;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang lint PATHS... [--format F] [-o FILE] [--baseline write|use FILE] [--stdin --stdin-filename P]</c>:
/// the CI face of check. Files are analysed in parallel; excludes from recipelang.json apply; the report goes to
/// stdout or a file, the summary to stderr.
/// </summary>
public static class LintCommand
{
    public static readonly string[] Formats = ["text", "json", "sarif", "codeclimate", "github"];

    public static Command Create(Func<TextReader> standardInput)
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Report format: text, json, sarif (code scanning), codeclimate (GitLab code quality), github (workflow annotations)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "'write FILE' records the current findings as accepted; 'use FILE' reports only findings not in it",
            // One token is accepted here so that a forgotten mode gets the message below, not "argument missing".
            Arity = new ArgumentArity(1, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        baseline.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1)
                result.AddError($"--baseline takes 'write FILE' or 'use FILE': say which, e.g. --baseline use {result.Tokens[0].Value}");
            else if (result.Tokens[0].Value is not ("write" or "use"))
                result.AddError($"--baseline takes 'write FILE' or 'use FILE', not '{result.Tokens[0].Value}'");
        });
        var stdin = new Option<bool>("--stdin") { Description = "Lint the recipe text on standard input instead of files" };
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "The path the standard-input text stands for (its recipelang.json and imports are found from there)" };
        var maxDiagnostics = CheckCommand.MaxDiagnosticsOption();
        var command = new Command("lint", "Lint recipes for CI: text, JSON, SARIF 2.1.0, GitLab code quality or GitHub annotations")
        {
            paths, format, outputFile, baseline, stdin, stdinFilename, maxDiagnostics,
        };
        command.Validators.Add(result =>
        {
            var hasPaths = result.GetValue(paths) is { Length: > 0 };
            if (result.GetValue(stdin) == hasPaths)
                result.AddError(hasPaths ? "--stdin reads standard input; name no paths with it" : "name the recipes to lint, or pass --stdin");
            if (result.GetValue(stdinFilename) is not null && !result.GetValue(stdin))
                result.AddError("--stdin-filename goes with --stdin");
        });
        command.SetAction(result =>
        {
            var request = new LintRequest(
                result.GetValue(paths)!,
                result.GetValue(format)!,
                result.GetValue(outputFile),
                result.GetValue(baseline) is [var mode, var file] ? (mode, file) : null,
                result.GetValue(stdin) ? standardInput() : null,
                result.GetValue(stdinFilename) ?? "stdin.recipe",
                result.GetValue(maxDiagnostics));
            return Run(request, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
        return command;
    }

    private sealed record LintRequest(string[] Paths, string Format, string? OutputFile, (string Mode, string File)? Baseline, TextReader? Input, string InputName, int? MaxDiagnostics);

    private static int Run(LintRequest request, TextWriter output, TextWriter error)
    {
        var problems = new FileProblems();
        var files = request.Input is { } input ? [FileFindings.From(AnalyzeText(input.ReadToEnd(), request.InputName, request.MaxDiagnostics))]
            : CheckCommand.Analyze(RecipeFiles.Expand(request.Paths), FileFindings.From, problems, maxDiagnostics: request.MaxDiagnostics, keepRecipes: false);
        var note = "";
        switch (request.Baseline)
        {
            case ("write", var file):
                LintBaseline.Write(file, files);
                error.WriteLine($"{CheckCommand.Summary(files)} Wrote {CheckCommand.Plural(files.Sum(f => f.Diagnostics.Count), "accepted finding")} to {file}.");
                return ExitCodes.Clean;
            case ("use", var file):
                var baseline = LintBaseline.Read(file);
                var all = files.Sum(f => f.Diagnostics.Count);
                files = baseline.Filter(files);
                var accepted = all - files.Sum(f => f.Diagnostics.Count);
                note = $" {CheckCommand.Plural(accepted, "finding")} accepted by {file}"
                    + (baseline.Unmatched > 0 ? $"; {baseline.Unmatched} no longer occur, rewrite it with --baseline write to drop them." : ".");
                break;
        }

        var report = new StringWriter();
        switch (request.Format)
        {
            case "json":
                DiagnosticReport.WriteJson(report, files);
                break;
            case "sarif":
                DiagnosticReport.WriteSarif(report, files);
                break;
            case "codeclimate":
                CodeClimateReport.Write(report, files);
                break;
            case "github":
                GitHubAnnotations.Write(report, files);
                break;
            default:
                DiagnosticReport.WriteText(report, files);
                break;
        }
        if (request.OutputFile is null)
            output.Write(report.ToString());
        else
            OutputFile.Write(request.OutputFile, report.ToString());
        error.WriteLine(CheckCommand.Summary(files) + note);
        problems.Report(error);
        return problems.ExitCode(files.Any(f => f.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) ? ExitCodes.Errors : ExitCodes.Clean);
    }

    /// <summary>Standard input as the file it stands for: that file's recipelang.json and imports apply.</summary>
    private static DocumentAnalysis AnalyzeText(string text, string path, int? maxDiagnostics)
    {
        var workspace = new RecipeWorkspace(new System.IO.Abstractions.FileSystem()) { MaxDiagnosticsPerFile = maxDiagnostics, KeepsBoundRecipes = false };
        if (workspace.SiteConfigFor(path).Errors is { Count: > 0 } configErrors)
            throw new UsageException(string.Join(Environment.NewLine, configErrors.Select(e => e.ToString())));
        return workspace.Analyze(new SourceText(text, path));
    }
}
