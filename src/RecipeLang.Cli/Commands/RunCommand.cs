using System.CommandLine;
using RecipeLang.Catalog;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Plotting;
using RecipeLang.Compiler;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Journal;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Workspace;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang run x.recipe|plans.dll --simulate</c>: compiles (or loads) the plans and runs them on the simulated
/// plant under this site's equipment profile, with live progress, a summary table and a thermal-profile plot.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("recipe") { Description = "A recipe file, or an assembly from 'compile --emit dll'" };
        var simulate = new Option<bool>("--simulate") { Description = "Run on the simulated plant (the only plant this command drives)" };
        var journal = new Option<string?>("--journal") { Description = "Append-only journal file (JSON lines) so that a stopped run can resume" };
        var resume = new Option<bool>("--resume") { Description = "Continue the unfinished run in --journal at the step it was in" };
        var recheck = new Option<bool>("--recheck") { Description = "For an assembly stamped with another equipment profile: re-check its recipes against this site and run them" };
        var plot = new Option<string?>("--plot") { Description = "Thermal-profile plot (.svg or .png); default <name>.thermal.svg next to the recipe" };
        var command = new Command("run", "Dry-run recipes on the simulated plant") { input, simulate, journal, resume, recheck, plot };
        command.SetAction(result =>
        {
            // SIGINT and SIGTERM cancel the run, which journals 'cancelled' and drives the plant to its safe state
            // before the process exits; a second signal is not needed and not waited for.
            using var interrupt = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            return Run(
                result.GetValue(input)!, result.GetValue(simulate), result.GetValue(journal), result.GetValue(resume), result.GetValue(recheck), result.GetValue(plot),
                result.InvocationConfiguration.Output, interrupt.Token);

            void Cancel(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        });
        return command;
    }

    internal static int Run(string input, bool simulate, string? journal, bool resume, bool recheck, string? plotPath, TextWriter output, CancellationToken cancellationToken)
    {
        RecipeFiles.CheckPath(input);
        if (!simulate)
        {
            throw new UsageException("no plant controller is configured here; run with --simulate for a dry run on the simulated plant");
        }
        if (resume && journal is null)
        {
            throw new UsageException("--resume needs the journal of the run to resume: --journal path");
        }
        if (journal is not null)
        {
            CheckWritable(journal, "journal");
        }
        if (resume && !File.Exists(journal))
        {
            throw new UsageException($"nothing to resume: {journal} does not exist");
        }
        // An empty file (say from mktemp) holds no run yet, so a fresh run may start in it.
        if (journal is not null && !resume && File.Exists(journal) && new FileInfo(journal).Length > 0)
        {
            throw new UsageException($"{journal} already exists; pass --resume to continue its run, or choose another journal file");
        }
        if (plotPath is not null && Path.GetExtension(plotPath).ToLowerInvariant() is not (".svg" or ".png"))
        {
            throw new UsageException($"{plotPath}: the plot must be a .svg or .png file");
        }
        if (plotPath is not null)
        {
            // Found out before a long run, not after it.
            CheckWritable(plotPath, "plot");
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var site = SiteProfile(input);
        var limits = new EquipmentLimits(site.FurnaceMaxC, site.AutoclaveMaxC, site.AutoclaveMaxBar, site.Gases);
        var plans = Plans(input, limits, recheck, output);
        if (plans is null)
        {
            return ExitCodes.Errors;
        }
        if (plans.Count == 0)
        {
            output.WriteLine($"{input}: nothing to run: it holds no recipe and no steps");
            return ExitCodes.Errors;
        }
        if (journal is not null && plans.Count > 1)
        {
            throw new UsageException($"{input} holds {plans.Count} plans, but a journal records one plan's run; run them one at a time or without --journal");
        }
        if (resume && plans.Count == 1 && !ResumableRun(journal!, plans[0], output))
        {
            return ExitCodes.Clean;
        }
        var exit = ExitCodes.Clean;
        foreach (var plan in plans)
        {
            var plant = new SimulatedPlant();
            var executor = new PlanExecutor(limits);
            var options = new RunOptions { Clock = plant.Clock, JournalPath = journal, ProfileRechecked = recheck };
            var result = RunWithProgress(console, output, executor, plan, plant, options, cancellationToken);
            output.WriteLine(result.Message);
            if (result.Outcome == RunOutcome.Cancelled)
            {
                return ExitCodes.Interrupted;
            }
            if (result.Outcome != RunOutcome.Completed)
            {
                if (result.Outcome == RunOutcome.Refused && plan.ProfileHash != limits.Hash)
                {
                    output.WriteLine("Re-check the recipe against this site with --recheck, or recompile it here.");
                }
                exit = ExitCodes.Errors;
                continue;
            }
            WriteSummary(console, plan, result);
            var file = PlotFile(plotPath, input, plan.Name, plans.Count);
            ThermalPlot.Save(file, $"{plan.Name}: simulated thermal profile", plant.ThermalProfile);
            output.WriteLine($"Thermal profile: {file}");
        }
        return exit;
    }

    /// <summary>
    /// Whether the journal's last run is an unfinished run of this plan, which --resume then continues; false
    /// (with a message) when that run already completed. Anything else is a usage error, and the journal is left as it is.
    /// </summary>
    private static bool ResumableRun(string journal, IStepPlan plan, TextWriter output)
    {
        JournalRun? last;
        try
        {
            last = new RunJournal(journal).LastRun();
        }
        catch (Exception e) when (e is JournalFormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException(e.Message);
        }
        if (last is null)
        {
            throw new UsageException($"nothing to resume: {journal} holds no run");
        }
        var planHash = PlanFingerprint.Compute(plan);
        if (last.PlanHash != planHash)
        {
            throw new UsageException(
                $"{journal} holds a run of plan '{last.Plan}' (plan hash {last.PlanHash}), not of '{plan.Name}' (plan hash {planHash}); " +
                "resume it with the recipe that started it, or give this run another --journal path");
        }
        if (last.Completed)
        {
            output.WriteLine($"plan {plan.Name} already completed in {journal}; nothing to resume");
            return false;
        }
        return true;
    }

    /// <summary>The plans to run: compiled from a recipe, or loaded from an assembly (recompiled from its recipes with --recheck).</summary>
    private static IReadOnlyList<IStepPlan>? Plans(string input, EquipmentLimits limits, bool recheck, TextWriter output)
    {
        if (!input.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return CompileRecipes([input], output);
        }
        if (!File.Exists(input))
        {
            throw new UsageException($"{input}: no such file or directory");
        }
        IReadOnlyList<IStepPlan> loaded;
        try
        {
            loaded = CompiledPlans.FromImage(File.ReadAllBytes(input)).Load();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or TypeLoadException or System.Reflection.ReflectionTypeLoadException
            or MissingMethodException or System.Reflection.TargetInvocationException)
        {
            throw new UsageException($"{input}: not an assembly of RecipeLang plans ({e.GetType().Name}); compile one with 'recipelang compile --emit dll'");
        }
        if (loaded.Count == 0)
        {
            throw new UsageException($"{input}: not an assembly of RecipeLang plans (it holds no step plan); compile one with 'recipelang compile --emit dll'");
        }
        if (!recheck || loaded.All(p => p.ProfileHash == limits.Hash))
        {
            return loaded;
        }
        // Re-check: the plans' recipes are checked again against this site and recompiled, so the new plans carry its stamp.
        var sources = loaded.SelectMany(p => p.Steps.Select(s => s.Location.File)).Distinct().ToArray();
        return CompileRecipes(sources, output);
    }

    private static IReadOnlyList<IStepPlan>? CompileRecipes(string[] paths, TextWriter output)
    {
        var analyses = CheckCommand.Analyze(RecipeFiles.Expand(paths));
        if (!CompileCommand.TryLower(analyses, output, out var recipes))
        {
            return null;
        }
        if (recipes.Count == 0)
        {
            return [];
        }
        var compiled = PlanCompiler.Compile(recipes.Select(r => r.Recipe));
        if (!compiled.Success)
        {
            foreach (var error in compiled.Errors)
            {
                output.WriteLine(error);
            }
            return null;
        }
        return compiled.Load();
    }

    private static RunResult RunWithProgress(IAnsiConsole console, TextWriter output, PlanExecutor executor, IStepPlan plan, SimulatedPlant plant, RunOptions options, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            executor.Progress += (_, e) =>
            {
                if (e.Kind is RunProgressKind.StepStarted or RunProgressKind.StepSkipped)
                {
                    output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{e.Elapsed.TotalHours,6:0.00} h] {(e.Kind == RunProgressKind.StepSkipped ? "skipped (finished before)" : "started")} {e.Step}"));
                }
            };
            return executor.RunAsync(plan, plant, options, cancellationToken).GetAwaiter().GetResult();
        }
        RunResult? result = null;
        console.Progress().Start(context =>
        {
            var task = context.AddTask(Markup.Escape(plan.Name), maxValue: plan.Steps.Count);
            executor.Progress += (_, e) =>
            {
                if (e.Kind is RunProgressKind.StepCompleted or RunProgressKind.StepSkipped)
                {
                    task.Increment(1);
                }
                if (e.Step is { } step)
                {
                    task.Description = Markup.Escape($"{plan.Name}: step {step.Index + 1} {step.Description} {e.Verb}");
                }
            };
            result = executor.RunAsync(plan, plant, options, cancellationToken).GetAwaiter().GetResult();
        });
        return result!;
    }

    private static void WriteSummary(IAnsiConsole console, IStepPlan plan, RunResult result)
    {
        var table = new Table().Title(Markup.Escape($"{plan.Name}{(string.IsNullOrEmpty(plan.Material) ? "" : $" ({plan.Material})")}: completed in {result.Elapsed.TotalHours:0.##} h simulated"));
        table.AddColumn("#");
        table.AddColumn("step");
        table.AddColumn("recipe line");
        table.AddColumn("ran");
        foreach (var step in plan.Steps)
        {
            table.AddRow(
                (step.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(step.Description),
                Markup.Escape(step.Location.ToString()),
                result.StepsRun.Contains(step.Index) ? "yes" : "resumed past");
        }
        console.Write(table);
    }

    /// <summary>
    /// --plot as given for one plan; with several plans each gets its own file, the plan's name before the
    /// extension. Without --plot: &lt;name&gt;.thermal.svg next to the recipe (in the current folder for an assembly).
    /// </summary>
    private static string PlotFile(string? plotPath, string input, string planName, int planCount)
    {
        var safe = new string(planName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        if (plotPath is not null)
        {
            return planCount == 1 ? plotPath : Path.ChangeExtension(plotPath, null) + "." + safe + Path.GetExtension(plotPath);
        }
        var directory = input.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "" : Path.GetDirectoryName(input) ?? "";
        return Path.Combine(directory, safe + ".thermal.svg");
    }

    /// <summary>
    /// Fails early, with one line, when an output of the run cannot be written: its folder is missing or read-only,
    /// or it is a folder. A file this check creates is removed again.
    /// </summary>
    private static void CheckWritable(string path, string what)
    {
        var full = Output.OutputFile.FullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{path}: is a directory; name a {what} file, in it or elsewhere");
        }
        var existed = File.Exists(full);
        try
        {
            using (new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }
            if (!existed)
            {
                File.Delete(full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write the {what}: {e.Message}");
        }
    }

    /// <summary>This site's equipment profile: the recipelang.json that applies to the input, else the defaults.</summary>
    private static EquipmentProfile SiteProfile(string input)
    {
        var workspace = new RecipeWorkspace(new System.IO.Abstractions.FileSystem());
        var (config, errors) = workspace.SiteConfigFor(Path.GetFullPath(input));
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
        return RecipeCatalog.Default.With(config).Equipment;
    }
}
