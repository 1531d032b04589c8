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
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(check), result.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string[] paths, bool checkOnly, TextWriter output)
    {
        var files = RecipeFiles.Expand(paths);
        var texts = files.Select(RecipeFiles.Read).ToList();
        var failed = 0;
        var changed = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var tree = Parser.Parse(new SourceText(texts[i], files[i].DisplayPath));
            var formatted = Formatter.Format(tree);
            if (formatted is null)
            {
                foreach (var diagnostic in tree.Diagnostics)
                {
                    output.WriteLine(diagnostic.ToString());
                }
                output.WriteLine($"{files[i].DisplayPath}: not formatted: fix the syntax errors first");
                failed++;
                continue;
            }
            if (formatted == texts[i])
            {
                continue;
            }
            changed++;
            if (checkOnly)
            {
                output.WriteLine($"{files[i].DisplayPath}: not formatted");
            }
            else
            {
                OutputFile.Write(files[i].DisplayPath, files[i].FullPath, new UTF8Encoding(false).GetBytes(formatted));
                output.WriteLine($"{files[i].DisplayPath}: formatted");
            }
        }
        var verb = checkOnly ? "would reformat" : "reformatted";
        output.WriteLine($"{Plural(files.Count)} checked, {verb} {changed}{(failed > 0 ? $", {failed} with syntax errors" : "")}.");
        return failed > 0 || (checkOnly && changed > 0) ? ExitCodes.Errors : ExitCodes.Clean;
    }

    private static string Plural(int count) => CheckCommand.Plural(count, "file");
}
