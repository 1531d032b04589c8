using System.CommandLine;
using RecipeLang.Catalog;
using RecipeLang.Cli.Caching;
using RecipeLang.Cli.Input;
using RecipeLang.Cli.Plotting;
using RecipeLang.Compiler;
using RecipeLang.Configuration;
using RecipeLang.Runtime;
using RecipeLang.Runtime.Execution;
using RecipeLang.Runtime.Journal;
using RecipeLang.Runtime.Mqtt;
using RecipeLang.Runtime.Simulation;
using RecipeLang.Workspace;
using System.Runtime.InteropServices;
using Spectre.Console;

namespace RecipeLang.Cli.Commands;

/// <summary>
/// <c>recipelang run x.recipe|plans.dll --simulate|--broker URL</c>: compiles (or loads) the plans and runs them under
/// this site's equipment profile, on the in-process simulated plant or on units over MQTT, with live progress, a
/// summary table and a thermal-profile plot (set-point and measured temperature).
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("recipe") { Description = "A recipe file, or an assembly from 'compile --emit dll'" };
        var simulate = new Option<bool>("--simulate") { Description = "Run on the in-process simulated plant" };
        var broker = new BrokerOptions();
        var line = new Option<int>("--line") { Description = "With --broker: drive the units of line N (furnace-N, autoclave-N, cell-N, mixer-N, dryer-N)", DefaultValueFactory = _ => 1 };
        var journal = new Option<string?>("--journal") { Description = "Append-only journal file (JSON lines) so that a stopped run can resume" };
        var resume = new Option<bool>("--resume") { Description = "Continue the unfinished run in --journal at the step it was in" };
        var recheck = new Option<bool>("--recheck") { Description = "For an assembly stamped with another equipment profile: re-check its recipes against this site and run them" };
        var plot = new Option<string?>("--plot") { Description = "Thermal-profile plot (.svg or .png); default <name>.thermal.svg next to the recipe" };
        var command = new Command("run", "Run recipes on the simulated plant (--simulate) or on units over MQTT (--broker)") { input, simulate, line, journal, resume, recheck, plot };
        broker.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var endpoint = broker.Endpoint(result);
            if (result.GetValue(simulate) == endpoint is not null)
            {
                throw new UsageException(endpoint is null
                    ? "say which plant to run on: --simulate for the in-process simulated plant, or --broker mqtt://host:1883 for units over MQTT"
                    : "--simulate and --broker exclude each other");
            }
            if (result.GetValue(line) < 1)
            {
                throw new UsageException("--line must be 1 or more");
            }
            if (endpoint is null && broker.GivenWithoutBroker(result).Concat(result.GetResult(line) is { Implicit: false } ? [line.Name] : []).ToList() is [_, ..] ignored)
            {
                throw new UsageException($"{string.Join(", ", ignored)} {(ignored.Count == 1 ? "goes" : "go")} with --broker; the simulated plant (--simulate) takes none of them");
            }
            var plant = endpoint is null ? null : new MqttTarget(endpoint, broker.SiteName(result), result.GetResult(line) is { Implicit: false } ? result.GetValue(line) : null);
            // SIGINT and SIGTERM cancel the run, which journals 'cancelled' and drives the plant to its safe state
            // before the process exits; a second signal is not needed and not waited for.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            return await Run(result.GetValue(input)!, plant, result.GetValue(journal), result.GetValue(resume), result.GetValue(recheck), result.GetValue(plot),
                result.InvocationConfiguration.Output, interrupt.Token);

            void Cancel(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        });
        return command;
    }

    /// <summary>
    /// Where `run --broker` sends the plan: the broker, the site's topic root, and the line whose units play the vessels
    /// (--line; null when not given: the units a bound plan names, else line 1).
    /// </summary>
    private sealed record MqttTarget(BrokerEndpoint Broker, string Site, int? Line);

    private static async Task<int> Run(string input, MqttTarget? mqtt, string? journal, bool resume, bool recheck, string? plotPath, TextWriter output, CancellationToken cancellationToken)
    {
        RecipeFiles.CheckPath(input);
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
        var site = SiteOf(input);
        var limits = Compiler.Lowering.Lowerer.Limits(site.Config.Equipment);
        var plans = Plans(input, site, limits, recheck, dryRun: mqtt is null, output);
        if (plans is null)
        {
            return ExitCodes.Errors;
        }
        var units = BoundUnits(plans, site.Config, mqtt);
        if (units is not null)
        {
            // A plan compiled for units is stamped with their limits: run it under the same ones, on those units.
            limits = Compiler.Lowering.Lowerer.Limits(units.Values.Distinct().Aggregate(site.Config.Equipment, (profile, unit) => unit.Apply(profile)));
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
        var unitIds = units?.ToDictionary(u => u.Key, u => u.Value.Id) ?? MqttPlantOptions.Line(mqtt?.Line ?? 1);
        await using var network = mqtt is null ? null : await ConnectAsync(mqtt, unitIds, limits, resume, output, cancellationToken);
        var exit = ExitCodes.Clean;
        foreach (var plan in plans)
        {
            var simulated = network is null ? new SimulatedPlant() : null;
            IProcessController plant = simulated ?? (IProcessController)network!;
            var executor = new PlanExecutor(limits);
            var options = simulated is not null
                ? new RunOptions { Clock = simulated.Clock, JournalPath = journal, ProfileRechecked = recheck }
                // Over MQTT the controller checks every telemetry message against the limits while a verb runs, so the
                // executor's own checks between hold slices can be coarser than a simulated minute.
                : new RunOptions { JournalPath = journal, ProfileRechecked = recheck, WatchInterval = TimeSpan.FromMinutes(10) };
            var result = await RunWithProgress(console, output, executor, plan, plant, network, options, cancellationToken);
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
            WriteSummary(output, plan, result, network is null
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Elapsed.TotalHours:0.##} h simulated")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:0.#} s over MQTT"));
            var file = PlotFile(plotPath, input, plan, plans.Count);
            if (simulated is not null)
            {
                ThermalPlot.Save(file, $"{plan.Name}: simulated thermal profile", simulated.ThermalProfile);
            }
            else
            {
                ThermalPlot.Save(file, $"{plan.Name}: thermal profile from {mqtt!.Broker} telemetry (plant time)", network!.ThermalProfile);
            }
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

    /// <summary>
    /// The plans to run: compiled from a recipe, or loaded from an assembly (recompiled from its recipes with --recheck).
    /// A dry run of one recipe file goes through the plan cache's direct mode.
    /// </summary>
    private static IReadOnlyList<IStepPlan>? Plans(string input, SiteSource site, EquipmentLimits limits, bool recheck, bool dryRun, TextWriter output)
    {
        if (!input.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            var files = RecipeFiles.Expand([input]);
            return dryRun && files is [{ Named: true } file] ? DryRunPlans(file, site, output) : CompileRecipes(CheckCommand.Analyze(files), output, out _);
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
        var sources = loaded.SelectMany(p => p.Steps.Select(s => s.Location.File)).Distinct().Select(f => RecipeSource(f, input)).ToArray();
        return CompileRecipes(CheckCommand.Analyze(RecipeFiles.Expand(sources)), output, out _);
    }

    /// <summary>
    /// Where a plan's recipe is now: its path as it was given to <c>compile</c>, from here or else from the assembly's
    /// folder (an assembly usually sits where it was compiled, and is run from anywhere).
    /// </summary>
    private static string RecipeSource(string compiledFrom, string assembly)
    {
        if (File.Exists(compiledFrom))
        {
            return compiledFrom;
        }
        var besideAssembly = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(assembly))!, compiledFrom);
        return !Path.IsPathRooted(compiledFrom) && File.Exists(besideAssembly)
            ? besideAssembly
            : throw new UsageException($"{compiledFrom}: the recipe {assembly} was compiled from is not found from here or from the assembly's folder; run --recheck from the folder it was compiled in, or compile the recipe again");
    }

    /// <summary>
    /// The plans of a dry run of one recipe file: through the manifest of its inputs when every file it lists reads the
    /// same (no check, lowering or compilation key), else checked, lowered and compiled as always, and the manifest
    /// written. The recipe is checked under the site file read for the key, so the manifest names what was used.
    /// </summary>
    private static IReadOnlyList<IStepPlan>? DryRunPlans(RecipeFile file, SiteSource site, TextWriter output)
    {
        var cache = PlanCache.FromEnvironment();
        var text = RecipeFiles.Read(file);
        var key = cache.Folder is null ? null : PlanManifests.Key(file, text, site.Config.Path, site.Text);
        if (key is not null && PlanManifests.FindPlan(cache.Folder!, key) is { } planKey && cache.Find(planKey) is { } cached)
        {
            try
            {
                return cached.Load();
            }
            catch (BadImageFormatException)
            {
                cache.Evict(planKey); // the full path below compiles it again
            }
        }
        var analyses = CheckCommand.Analyze([file], site: site.Config);
        var plans = CompileRecipes(analyses, output, out var entry);
        // Only what this analysis read is recorded: a recipe changed between the two reads is not.
        if (plans is not null && key is not null && entry is not null && analyses is [{ } analysis] && analysis.Source.Text == text)
        {
            PlanManifests.Store(cache.Folder!, key, analysis, entry, cache.MaxEntries);
        }
        return plans;
    }

    /// <param name="planKey">The plan cache entry the plans came from; null when they are not cached.</param>
    private static IReadOnlyList<IStepPlan>? CompileRecipes(IReadOnlyList<DocumentAnalysis> analyses, TextWriter output, out string? planKey)
    {
        planKey = null;
        if (!CompileCommand.TryLower(analyses, output, out var recipes))
        {
            return null;
        }
        if (recipes.Count == 0)
        {
            return [];
        }
        var lowered = recipes.Select(r => r.Recipe).ToList();
        var cache = PlanCache.FromEnvironment();
        var compiled = cache.Compile(lowered, out planKey);
        if (!compiled.Success)
        {
            foreach (var error in compiled.Errors)
            {
                output.WriteLine(error);
            }
            return null;
        }
        try
        {
            return compiled.Load();
        }
        catch (BadImageFormatException)
        {
            // A damaged cache entry: drop it and compile afresh.
            if (planKey is not null)
            {
                cache.Evict(planKey);
                planKey = null;
            }
            return PlanCompiler.Compile(lowered).Load();
        }
    }

    /// <summary>
    /// Connects to the broker as this runtime, driving the given units; on --resume, clears the safe state the units
    /// report (resuming is the operator's acknowledgement). A broker or unit that cannot be reached is a one-line error.
    /// </summary>
    private static async Task<MqttProcessController> ConnectAsync(MqttTarget target, IReadOnlyDictionary<Vessel, string> units, EquipmentLimits limits, bool resume, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new MqttPlantOptions { Site = target.Site, Units = units, Limits = limits };
        try
        {
            var controller = await MqttProcessController.ConnectAsync(target.Broker, options, cancellationToken);
            output.WriteLine($"Connected to {target.Broker} as {options.RuntimeId}; units {string.Join(", ", options.Units.Values)} of site '{target.Site}'.");
            if (resume)
            {
                await controller.ResetSafeUnitsAsync(cancellationToken);
            }
            return controller;
        }
        catch (PlantLinkException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static async Task<RunResult> RunWithProgress(IAnsiConsole console, TextWriter output, PlanExecutor executor, IStepPlan plan, IProcessController plant,
        MqttProcessController? network, RunOptions options, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            executor.Progress += (_, e) =>
            {
                if (e.Kind is RunProgressKind.StepStarted or RunProgressKind.StepSkipped)
                {
                    output.WriteLine($"{Stamp(e.Elapsed, network is not null)} {(e.Kind == RunProgressKind.StepSkipped ? "skipped (finished before)" : "started")} {e.Step}");
                }
                if (e.Kind == RunProgressKind.EarlyEnd)
                {
                    output.WriteLine($"{Stamp(e.Elapsed, network is not null)} ended early: {e.Message}");
                }
                if (e.Kind == RunProgressKind.StepCompleted && network is not null)
                {
                    output.WriteLine($"{Stamp(e.Elapsed, wallClock: true)} step {e.Step!.Index + 1} done; {UnitLine(network)}");
                }
            };
            return await executor.RunAsync(plan, plant, options, cancellationToken);
        }
        RunResult? result = null;
        await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(plan.Name), maxValue: plan.Steps.Count);
            // Per unit, over MQTT: what its telemetry says, refreshed with every message.
            var unitTasks = network?.UnitStates.Keys.ToDictionary(u => u, u => context.AddTask(Markup.Escape(u)).IsIndeterminate());
            Action<string, UnitTelemetry>? onTelemetry = null;
            if (network is not null)
            {
                onTelemetry = (unit, telemetry) =>
                {
                    if (unitTasks!.TryGetValue(unit, out var unitTask))
                    {
                        unitTask.Description = Markup.Escape($"{unit}: {Format(telemetry.TemperatureC, "°C")}, heater {telemetry.HeaterOutput:P0}{(telemetry.Running is null ? "" : ", busy")}");
                    }
                };
                network.TelemetryReceived += onTelemetry;
            }
            executor.Progress += (_, e) =>
            {
                if (e.Kind is RunProgressKind.StepCompleted or RunProgressKind.StepSkipped)
                {
                    task.Increment(1);
                }
                if (e.Kind == RunProgressKind.EarlyEnd)
                {
                    console.MarkupLine(Markup.Escape($"ended early: {e.Message}"));
                }
                if (e.Step is { } step)
                {
                    task.Description = Markup.Escape($"{plan.Name}: step {step.Index + 1} {step.Description} {e.Verb}");
                }
            };
            try
            {
                result = await executor.RunAsync(plan, plant, options, cancellationToken);
            }
            finally
            {
                if (network is not null)
                {
                    network.TelemetryReceived -= onTelemetry;
                }
            }
        });
        return result!;
    }

    private static string UnitLine(MqttProcessController network) => string.Join("; ", network.Snapshot());

    /// <summary>Run time as an operator reads it: simulated hours in a dry run, wall seconds over MQTT.</summary>
    private static string Stamp(TimeSpan elapsed, bool wallClock) =>
        wallClock
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{elapsed.TotalSeconds,7:0.0} s]")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{elapsed.TotalHours,6:0.00} h]");

    private static string Format(double? value, string unit) =>
        value is { } v ? RecipeLang.Runtime.QuantityFormat.Format(Math.Round(v, 1), unit) : "no reading";

    /// <summary>
    /// The plan's steps as an aligned table, the step's text last, so that a long one runs on rather than breaking the
    /// columns: plain text, as <c>check --explain-recipe</c> prints. Plain loops over strings, no tuples or LINQ: their
    /// generic code is compiled at run time, which took a cached dry run as long as the rest of the summary.
    /// </summary>
    private static void WriteSummary(TextWriter output, IStepPlan plan, RunResult result, string took)
    {
        output.WriteLine($"{plan.Name}{(string.IsNullOrEmpty(plan.Material) ? "" : $" ({plan.Material})")}: completed in {took}");
        var steps = plan.Steps;
        var numbers = new string[steps.Count];
        var lines = new string[steps.Count];
        var ran = new string[steps.Count];
        int numberWidth = 1, lineWidth = "recipe line".Length, ranWidth = "ran".Length;
        for (var i = 0; i < steps.Count; i++)
        {
            numbers[i] = (steps[i].Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines[i] = steps[i].Location.ToString();
            ran[i] = result.StepsRun.Contains(steps[i].Index) ? "yes" : "resumed past";
            numberWidth = Math.Max(numberWidth, numbers[i].Length);
            lineWidth = Math.Max(lineWidth, lines[i].Length);
            ranWidth = Math.Max(ranWidth, ran[i].Length);
        }
        output.WriteLine($"  {"#".PadRight(numberWidth)}  {"recipe line".PadRight(lineWidth)}  {"ran".PadRight(ranWidth)}  step");
        for (var i = 0; i < steps.Count; i++)
        {
            output.WriteLine($"  {numbers[i].PadRight(numberWidth)}  {lines[i].PadRight(lineWidth)}  {ran[i].PadRight(ranWidth)}  {steps[i].Description}");
        }
    }

    /// <summary>
    /// --plot as given for one plan; with several plans each gets its own file, the plan's name before the
    /// extension. Without --plot: &lt;name&gt;.thermal.svg next to the plan's recipe, which its steps name (a folder or
    /// glob holds several recipes), in the current folder for an assembly.
    /// </summary>
    private static string PlotFile(string? plotPath, string input, IStepPlan plan, int planCount)
    {
        var safe = new string(plan.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        if (plotPath is not null)
        {
            return planCount == 1 ? plotPath : Path.ChangeExtension(plotPath, null) + "." + safe + Path.GetExtension(plotPath);
        }
        var directory = input.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ""
            : plan.Steps.Count > 0 ? Path.GetDirectoryName(plan.Steps[0].Location.File) ?? ""
            : Directory.Exists(input) ? input
            : Path.GetDirectoryName(input) ?? "";
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
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            // As lint -o and compile -o say it, rather than the runtime's "Could not find a part of the path".
            throw new UsageException($"{path}: cannot write the {what}: the folder {folder} does not exist");
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

    /// <summary>The recipelang.json that applies to the input: its text as read (null when there is none) and its config (the defaults when none).</summary>
    private sealed record SiteSource(string? Text, SiteConfig Config);

    /// <summary>Read once, so the manifest of a dry run names the very text its recipe was checked under.</summary>
    private static SiteSource SiteOf(string input)
    {
        var fileSystem = new System.IO.Abstractions.FileSystem();
        if (SiteConfigLocator.Find(fileSystem, Path.GetFullPath(input)) is not { } path)
        {
            return new SiteSource(null, SiteConfig.Default);
        }
        var (config, errors) = SiteConfig.Load(fileSystem, path, out var text);
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
        return new SiteSource(text, config!);
    }

    /// <summary>
    /// The site units that plans compiled with --site name, by vessel; null when no plan is bound. Plans bound to other
    /// units, a unit this site does not list (a plan compiled for another site) and --line beside a bound plan are
    /// usage errors.
    /// </summary>
    private static IReadOnlyDictionary<Vessel, EquipmentUnit>? BoundUnits(IReadOnlyList<IStepPlan> plans, SiteConfig site, MqttTarget? mqtt)
    {
        var bound = plans.Where(p => p.Units.Count > 0).ToList();
        if (bound.Count == 0)
        {
            return null;
        }
        string Describe(IStepPlan plan) => string.Join(", ", plan.Units.OrderBy(u => u.Key).Select(u => $"{u.Key.ToString().ToLowerInvariant()} → {u.Value}"));
        if (bound.Select(Describe).Distinct().Count() > 1 || bound.Count < plans.Count)
        {
            throw new UsageException($"the plans are bound to different units ({string.Join("; ", plans.Select(p => $"{p.Name}: {(p.Units.Count == 0 ? "none" : Describe(p))}"))}); run them one at a time");
        }
        if (mqtt?.Line is { } line)
        {
            throw new UsageException($"plan '{bound[0].Name}' is bound to units {Describe(bound[0])} (compile --site); --line {line} does not apply");
        }
        var units = new Dictionary<Vessel, EquipmentUnit>();
        foreach (var (vessel, id) in bound[0].Units)
        {
            units[vessel] = site.Units.FirstOrDefault(u => u.Id == id)
                ?? throw new UsageException($"plan '{bound[0].Name}' is bound to unit {id}, which {site.Path ?? "this site (no recipelang.json)"} does not list: it was compiled for another site; compile it here with --site");
        }
        return units;
    }
}
