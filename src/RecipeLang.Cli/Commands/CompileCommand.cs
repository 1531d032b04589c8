using System.CommandLine;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Output;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Binding;
using RecipeLang.Compiler.Emission;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Compiler.Output;
using RecipeLang.Workspace;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang compile paths... --emit cs|dll|bom|procedure [-o path]</c>: checks the recipes, and only when
/// none has an error lowers them and writes C#, one assembly, bills of materials or Markdown procedures.
/// </summary>
public static class CompileCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Recipe files, folders (searched for *.recipe) or globs", Arity = ArgumentArity.OneOrMore };
        var emit = new Option<string>("--emit") { Description = "What to write: cs (C# source), dll (one assembly), bom (bill of materials), procedure (Markdown)", DefaultValueFactory = _ => "dll" };
        emit.AcceptOnlyFromAmong("cs", "dll", "bom", "procedure");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (required for dll; the others print to stdout without it)" };
        var site = new Option<string?>("--site") { Description = "Bind the plans to this recipelang.json's equipment units and check every step against the bound unit's limits" };
        var units = new Option<string[]>("--unit") { Description = "With --site: the unit to bind for its class (e.g. furnace-2); otherwise the first unit of each class" };
        var pdb = new Option<bool>("--pdb") { Description = "With --emit dll: embed a portable PDB whose sequence points are the recipe lines, for a debugger (compiles slower)" };
        var command = new Command("compile", "Compile checked recipes into C# step plans, an assembly, bills of materials or procedures") { paths, emit, output, site, units, pdb };
        command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(emit)!, result.GetValue(output), result.GetValue(site), result.GetValue(units) ?? [],
            result.GetValue(pdb), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] paths, string emit, string? outputPath, string? sitePath, string[] units, bool pdb, TextWriter output, TextWriter error)
    {
        if (pdb && emit != "dll")
        {
            throw new UsageException("--pdb goes with --emit dll");
        }
        if (emit == "dll" && outputPath is null)
        {
            throw new UsageException("--emit dll needs an output file: -o plans.dll");
        }
        // An output named like another kind (-o plan.cs with the default --emit dll) would get bytes its name does not promise.
        if (outputPath is not null && KindOfExtension(Path.GetExtension(outputPath)) is { } named && named != emit)
        {
            throw new UsageException($"-o {outputPath} names a {named} file, but --emit is {emit}; pass --emit {named}, or name the output for {emit}");
        }
        if (units.Length > 0 && sitePath is null)
        {
            throw new UsageException("--unit needs the site whose units it names: --site recipelang.json");
        }
        // Bound to units, the recipes are checked under the site with those units' limits: the same rules and codes as
        // check, with messages that name the unit.
        var (binding, site, siteHash) = sitePath is null ? default : Bind(sitePath, units);
        var analyses = CheckCommand.Analyze(RecipeFiles.Expand(paths), site: site);
        if (!TryLower(analyses, output, out var recipes))
        {
            if (binding is not null)
            {
                output.WriteLine($"Checked against the bound units: {binding}.");
            }
            return ExitCodes.Errors;
        }
        if (binding is not null)
        {
            var boundUnits = binding.Units.ToDictionary(u => u.Key, u => u.Value.Id);
            recipes = recipes.Select(r => (r.Recipe with { Binding = binding.ToString(), SiteConfigSha256 = siteHash, Units = boundUnits }, r.Catalog)).ToList();
            if (outputPath is not null || emit == "dll")
            {
                // Without -o the plan text goes to stdout, and its header carries the binding.
                output.WriteLine($"Bound to units: {binding}.");
            }
        }
        switch (emit)
        {
            case "cs":
                Write(outputPath, output, string.Join(Environment.NewLine, PlanEmitter.EmitAll(recipes.Select(r => r.Recipe)).Select(f => f.Code)));
                break;
            case "bom":
                Write(outputPath, output, string.Join(Environment.NewLine, recipes.Select(r => BillOfMaterials.Create(r.Recipe, r.Catalog).ToText())));
                break;
            case "procedure":
                Write(outputPath, output, string.Join(Environment.NewLine, recipes.Select(r => ProcedureWriter.Write(r.Recipe, BillOfMaterials.Create(r.Recipe, r.Catalog)))));
                break;
            default:
                var compiled = PlanCompiler.Compile(recipes.Select(r => r.Recipe), Path.GetFileNameWithoutExtension(outputPath!), embedPdb: pdb);
                if (!compiled.Success)
                {
                    foreach (var compileError in compiled.Errors)
                    {
                        error.WriteLine(compileError);
                    }
                    return ExitCodes.Errors;
                }
                OutputFile.Write(outputPath!, OutputFile.FullPath(outputPath!), [.. compiled.Image]);
                output.WriteLine($"Compiled {CheckCommand.Plural(recipes.Count, "plan")} into {outputPath}.");
                break;
        }
        return ExitCodes.Clean;
    }

    /// <summary>The binding --site and --unit ask for; a site config that does not parse, or an unknown unit, is a usage error.</summary>
    private static (UnitBinding? Binding, Configuration.SiteConfig? Site, string? Hash) Bind(string sitePath, string[] units)
    {
        if (!File.Exists(sitePath))
        {
            throw new UsageException($"{sitePath}: no such file");
        }
        var loaded = Configuration.SiteConfig.Load(new System.IO.Abstractions.FileSystem(), sitePath);
        if (loaded.Config is null)
        {
            throw new UsageException(string.Join(Environment.NewLine, loaded.Errors.Select(e => e.ToString())));
        }
        if (loaded.Config.Units.Count == 0)
        {
            throw new UsageException($"{sitePath} lists no equipment units (\"units\": [ ... ]; see docs/configuration.md)");
        }
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(sitePath)));
        try
        {
            var binding = UnitBinding.Bind(loaded.Config, units);
            return (binding, loaded.Config.WithEquipment(binding.Profile), hash);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Prints the diagnostics like <c>check</c> and returns false when any recipe has an error.</summary>
    internal static bool TryLower(IReadOnlyList<DocumentAnalysis> analyses, TextWriter output, out IReadOnlyList<(LoweredRecipe Recipe, Catalog.RecipeCatalog Catalog)> recipes)
    {
        recipes = [];
        if (analyses.Any(a => a.HasErrors))
        {
            var files = analyses.Select(Output.FileFindings.From).ToList();
            Output.DiagnosticReport.WriteText(output, files);
            output.WriteLine(CheckCommand.Summary(files));
            output.WriteLine("Nothing compiled: fix the errors first.");
            return false;
        }
        var lowered = new List<(LoweredRecipe, Catalog.RecipeCatalog)>();
        var failed = false;
        foreach (var analysis in analyses)
        {
            foreach (var recipe in analysis.Recipes.Where(r => !r.IsTemplate))
            {
                try
                {
                    lowered.Add((Lowerer.Lower(recipe, analysis.Catalog.Equipment, analysis.Source.Path.Replace('\\', '/')), analysis.Catalog));
                }
                catch (LoweringException e)
                {
                    output.WriteLine($"{analysis.Source.Path}: error: cannot compile recipe '{recipe.Name}': {e.Message}");
                    failed = true;
                }
            }
        }
        recipes = lowered;
        return !failed;
    }

    private static void Write(string? path, TextWriter output, string text)
    {
        if (path is null)
        {
            output.Write(text);
            return;
        }
        OutputFile.Write(path, text);
        output.WriteLine($"Wrote {path}.");
    }

    private static string? KindOfExtension(string extension) => extension.ToLowerInvariant() switch
    {
        ".cs" => "cs",
        ".dll" => "dll",
        ".md" or ".markdown" => "procedure",
        _ => null,
    };
}
