using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Diagnostics;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Commands;

/// <summary><c>recipelang check paths...</c>: every diagnostic as <c>path:line:col: severity CODE: message</c>, then a summary.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check recipes and print their diagnostics") { paths };
        command.SetAction(result => Run(result.GetValue(paths)!, result.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string[] paths, TextWriter output)
    {
        var files = RecipeFiles.Expand(paths);
        var analyses = Analyze(files);
        var counts = new Dictionary<DiagnosticSeverity, int>();
        foreach (var analysis in analyses)
        {
            foreach (var diagnostic in analysis.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
                counts[diagnostic.Severity] = counts.GetValueOrDefault(diagnostic.Severity) + 1;
            }
        }
        var errors = counts.GetValueOrDefault(DiagnosticSeverity.Error);
        output.WriteLine($"Checked {Plural(files.Count, "file")}: {Plural(errors, "error")}, {Plural(counts.GetValueOrDefault(DiagnosticSeverity.Warning), "warning")}, {Plural(counts.GetValueOrDefault(DiagnosticSeverity.Info), "info")}.");
        return errors > 0 ? ExitCodes.Errors : ExitCodes.Clean;
    }

    /// <summary>Reads every file first (an unreadable one stops the run before any output), then analyses in parallel.</summary>
    internal static IReadOnlyList<DocumentAnalysis> Analyze(IReadOnlyList<RecipeFile> files)
    {
        var texts = files.Select(f => new SourceText(RecipeFiles.Read(f), f.DisplayPath)).ToArray();
        var workspace = new RecipeWorkspace(new System.IO.Abstractions.FileSystem());
        var analyses = new DocumentAnalysis[texts.Length];
        Parallel.For(0, texts.Length, i => analyses[i] = workspace.Analyze(texts[i]));
        return analyses;
    }

    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
