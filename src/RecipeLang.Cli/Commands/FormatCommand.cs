using System.CommandLine;
using System.Text;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;
using RecipeLang.Formatting;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Cli.Commands;

/// <summary><c>recipelang fmt [--check] paths...</c>: rewrite recipes in the canonical layout, or list those that differ.</summary>
public static class FormatCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Write nothing; list the files that are not formatted and exit 1 if any" };
        var command = new Command("fmt", "Format recipes in the canonical layout") { paths, check };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(check), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>
    /// Formats every file in memory first and writes only then, so a failure part-way never leaves a folder
    /// half-formatted. A file with syntax errors or that cannot be read is reported and left alone; after a bug in
    /// the formatter nothing is written at all.
    /// </summary>
    private static int Run(string[] paths, bool checkOnly, TextWriter output, TextWriter error)
    {
        var files = RecipeFiles.Expand(paths);
        var problems = new FileProblems();
        var failed = 0;
        // The formatted text of each file to write; --check keeps only which files differ.
        var changed = new List<(RecipeFile File, string? Text)>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = RecipeFiles.Read(file);
            }
            catch (UsageException e)
            {
                problems.Unreadable(e);
                continue;
            }
            string? formatted = null;
            bool? isFormatted;
            SyntaxTree tree;
            try
            {
                tree = Parser.Parse(new SourceText(text, file.DisplayPath));
                if (checkOnly)
                {
                    isFormatted = Formatter.IsFormatted(tree);
                }
                else
                {
                    formatted = Formatter.Format(tree);
                    isFormatted = formatted is null ? null : formatted == text;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                problems.Crashed(file, e);
                continue;
            }
            if (isFormatted is null)
            {
                foreach (var diagnostic in tree.Diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }
                output.WriteLine($"{file.DisplayPath}: not formatted: fix the syntax errors first");
                failed++;
            }
            else if (isFormatted == false)
            {
                changed.Add((file, formatted));
            }
        }
        var crashed = problems.ExitCode(ExitCodes.Clean) == ExitCodes.InternalError;
        foreach (var (file, formatted) in changed)
        {
            if (checkOnly)
            {
                output.WriteLine($"{file.DisplayPath}: not formatted");
            }
            else if (!crashed)
            {
                OutputFile.Write(file.DisplayPath, file.FullPath, new UTF8Encoding(false).GetBytes(formatted!));
                output.WriteLine($"{file.DisplayPath}: formatted");
            }
        }
        var verb = checkOnly ? "would reformat" : crashed ? "wrote nothing after an internal error; would reformat" : "reformatted";
        output.WriteLine($"{Plural(files.Count)} checked, {verb} {changed.Count}{(failed > 0 ? $", {failed} with syntax errors" : "")}.");
        problems.Report(error);
        return problems.ExitCode(failed > 0 || (checkOnly && changed.Count > 0) ? ExitCodes.Errors : ExitCodes.Clean);
    }

    private static string Plural(int count) => CheckCommand.Plural(count, "file");
}
