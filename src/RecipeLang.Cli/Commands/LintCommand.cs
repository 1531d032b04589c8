using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;
using RecipeLang.Diagnostics;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang lint PATHS... [--format text|json|sarif] [-o FILE]</c>: the CI face of check. Files are analysed
/// in parallel; excludes from recipelang.json apply; the report goes to stdout or a file, the summary to stderr.
/// </summary>
public static class LintCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Report format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var command = new Command("lint", "Lint recipes for CI: text, JSON or SARIF 2.1.0 report") { paths, format, outputFile };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, result.GetValue(outputFile), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] paths, string format, string? outputFile, TextWriter output, TextWriter error)
    {
        var problems = new FileProblems();
        var analyses = CheckCommand.Analyze(RecipeFiles.Expand(paths), problems);
        var report = new StringWriter();
        switch (format)
        {
            case "json":
                DiagnosticReport.WriteJson(report, analyses);
                break;
            case "sarif":
                DiagnosticReport.WriteSarif(report, analyses);
                break;
            default:
                DiagnosticReport.WriteText(report, analyses);
                break;
        }
        if (outputFile is null)
        {
            output.Write(report.ToString());
        }
        else
        {
            OutputFile.Write(outputFile, report.ToString());
        }
        error.WriteLine(CheckCommand.Summary(analyses));
        problems.Report(error);
        return problems.ExitCode(analyses.Any(a => a.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) ? ExitCodes.Errors : ExitCodes.Clean);
    }
}
