using System.CommandLine;
using System.Globalization;
using RecipeLang.Cli.Hosting;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;
using RecipeLang.Diagnostics;
using RecipeLang.Summary;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Commands;

/// <summary><c>recipelang check paths...</c>: every diagnostic as <c>path:line:col: severity CODE: message</c>, then a summary.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.OneOrMore };
        var explain = new Option<bool>("--explain-recipe") { Description = "Also print each recipe's summary: steps, duration, peak temperature, which step repairs which defect" };
        var maxDiagnostics = MaxDiagnosticsOption();
        var command = new Command("check", "Check recipes and print their diagnostics") { paths, explain, maxDiagnostics };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(explain), result.GetValue(maxDiagnostics), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static Option<int?> MaxDiagnosticsOption()
    {
        var option = new Option<int?>("--max-diagnostics")
        {
            Description = "Report at most this many diagnostics per file, then one RL0011 that counts the rest; 0 reports all (default: the site's maxDiagnosticsPerFile, else 1,000)",
        };
        // Parsed here rather than by the default converter, whose error names the .NET type.
        option.CustomParser = result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return count;
            }
            result.AddError($"--max-diagnostics takes a count, 0 or more (not '{Messages.Shorten(string.Join(' ', result.Tokens.Select(t => t.Value)))}')");
            return null;
        };
        return option;
    }

    private static int Run(string[] paths, bool explain, int? maxDiagnostics, TextWriter output, TextWriter error)
    {
        var problems = new FileProblems();
        var checkedFiles = Analyze(RecipeFiles.Expand(paths),
            analysis => new CheckedFile(FileFindings.From(analysis), explain ? [.. analysis.Recipes.Select(r => RecipeSummary.Create(r, analysis.Catalog))] : []),
            problems, maxDiagnostics: maxDiagnostics, keepRecipes: explain);
        foreach (var file in checkedFiles)
        {
            foreach (var summary in file.Summaries)
            {
                WriteSummary(output, file.Findings.Source.Path, summary);
            }
        }
        var files = checkedFiles.Select(f => f.Findings).ToList();
        DiagnosticReport.WriteText(output, files);
        var errors = files.Sum(f => f.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        output.WriteLine(Summary(files));
        problems.Report(error);
        return problems.ExitCode(errors > 0 ? ExitCodes.Errors : ExitCodes.Clean);
    }

    /// <summary>What <c>check</c> keeps of a file: its findings and, with --explain-recipe, its recipes' summaries.</summary>
    private sealed record CheckedFile(FileFindings Findings, IReadOnlyList<RecipeSummary> Summaries);

    internal static IReadOnlyList<DocumentAnalysis> Analyze(IReadOnlyList<RecipeFile> files, FileProblems? problems = null, Configuration.SiteConfig? site = null,
        int? maxDiagnostics = null) =>
        Analyze(files, analysis => analysis, problems, site, maxDiagnostics);

    /// <summary>
    /// Applies excludes, stops on a broken recipelang.json, then reads and analyses the files in parallel, each file
    /// read by the worker that analyses it so that disk and CPU overlap. With <paramref name="problems"/> a file that
    /// cannot be read or analysed is skipped and recorded there, so the others are still reported; without it the
    /// first unreadable file in path order stops the command. With <paramref name="site"/> every file is checked under
    /// that site instead of its nearest recipelang.json. Of each analysis only what <paramref name="keep"/> returns is
    /// held: <c>check</c> and <c>lint</c> keep the findings, so a library's trees and bound models go file by file
    /// instead of all staying alive to the end (the garbage collector then has a small heap to walk).
    /// </summary>
    /// <param name="keepRecipes">False when <paramref name="keep"/> reads no bound recipe: each is dropped once checked.</param>
    internal static IReadOnlyList<T> Analyze<T>(IReadOnlyList<RecipeFile> files, Func<DocumentAnalysis, T> keep, FileProblems? problems = null,
        Configuration.SiteConfig? site = null, int? maxDiagnostics = null, bool keepRecipes = true) where T : class
    {
        var workspace = new RecipeWorkspace(new System.IO.Abstractions.FileSystem(), site) { MaxDiagnosticsPerFile = maxDiagnostics, KeepsBoundRecipes = keepRecipes };
        files = Excludes.Apply(files, workspace);
        var configErrors = files.SelectMany(f => workspace.SiteConfigFor(f.FullPath).Errors).Distinct().ToList();
        if (configErrors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, configErrors.Select(e => e.ToString())));
        }
        var kept = new T?[files.Count];
        var unreadable = new UsageException?[files.Count];
        void AnalyzeFile(int i)
        {
            try
            {
                kept[i] = keep(workspace.Analyze(new SourceText(RecipeFiles.Read(files[i]), files[i].DisplayPath)));
            }
            catch (UsageException e)
            {
                unreadable[i] = e;
            }
            catch (Exception e) when (problems is not null)
            {
                problems.Crashed(files[i], e);
            }
        }
        // One file (a pre-commit hook, an editor's save) is checked on this thread: starting the parallel loop's
        // machinery costs a short command more than it saves.
        if (files.Count == 1)
        {
            AnalyzeFile(0);
        }
        else
        {
            Parallel.For(0, files.Count, AnalyzeFile);
        }
        foreach (var e in unreadable.OfType<UsageException>())
        {
            if (problems is null)
            {
                throw e;
            }
            problems.Unreadable(e);
        }
        return kept.OfType<T>().ToList();
    }

    private static void WriteSummary(TextWriter output, string path, RecipeSummary summary)
    {
        output.WriteLine($"{path}: recipe {summary.Name}{(summary.Material is null ? "" : " for " + summary.Material)}");
        output.WriteLine($"  {"#",-3} {"line",-5} {"operation",-16} arguments");
        foreach (var step in summary.Steps)
        {
            output.WriteLine($"  {step.Number,-3} {step.Line,-5} {step.Operation,-16} {step.Arguments}");
        }
        var defaults = summary.DefaultTimeSteps.Count == 0 ? "" : $", step{(summary.DefaultTimeSteps.Count == 1 ? "" : "s")} {string.Join(", ", summary.DefaultTimeSteps)} at the catalog's default time";
        output.WriteLine($"  total duration: {summary.TotalDuration.TotalHours:0.##} h of holds{defaults} (ramps and cooling not counted); peak temperature: {(summary.PeakTemperatureC is { } peak ? $"{peak:0.#} °C" : "none")}");
        output.WriteLine($"  lithium sources: {(summary.LithiumSources.Count == 0 ? "none" : string.Join(", ", summary.LithiumSources.Select(n => "step " + n)))}");
        foreach (var (defect, steps) in summary.DefectRepairs)
        {
            output.WriteLine($"  {defect}: {(steps.Count == 0 ? "NOT repaired" : "repaired by " + string.Join(", ", steps.Select(n => "step " + n)))}");
        }
        output.WriteLine();
    }

    /// <summary>The counts of every finding, those past a file's limit too (the notice that stands for them is not one).</summary>
    internal static string Summary(IReadOnlyList<FileFindings> analyses)
    {
        var hidden = analyses.Aggregate(default(DiagnosticCounts), (sum, a) => sum + a.Hidden);
        var counts = DiagnosticCounts.Of(analyses.SelectMany(a => a.Diagnostics).Where(d => d.Descriptor != Descriptors.TooManyDiagnostics)) + hidden;
        var notShown = hidden.Total > 0 ? $" ({hidden.Total.ToString("N0", CultureInfo.InvariantCulture)} of them not shown)" : "";
        return $"Checked {Plural(analyses.Count, "file")}: {Plural(counts.Errors, "error")}, {Plural(counts.Warnings, "warning")}, {Plural(counts.Infos, "info")}{(counts.Hints > 0 ? ", " + Plural(counts.Hints, "hint") : "")}{notShown}.";
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
