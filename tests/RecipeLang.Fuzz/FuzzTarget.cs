using System.Diagnostics;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using RecipeLang.Compiler;
using RecipeLang.Compiler.Emission;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Diagnostics;
using RecipeLang.Formatting;
using RecipeLang.Summary;
using RecipeLang.Syntax;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.Fuzz;

/// <summary>
/// Drives one input through every stage — parse, bind and check, format, lower, emit (and, for a sample, compile
/// the C# with Roslyn) — and checks the properties every input must have. Returns the broken property, or null.
/// </summary>
public sealed class FuzzTarget
{
    private const string InputPath = "/fuzz/input.recipe";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private readonly RecipeWorkspace _workspace;

    // The same files, with the input opened as an editor buffer: the incremental parse and analysis are checked against _workspace's full ones.
    private readonly RecipeWorkspace _editor;

    // The same files with every diagnostic reported (no per-file cap).
    private readonly RecipeWorkspace _uncapped;
    private int _version;

    // The generator run keeps the buffer open, so the buffer's first version is an edit of the previous input; under
    // afl each input is opened anew, as an input's coverage must not depend on the input before it.
    private readonly bool _independentInputs;

    /// <summary>Time spent per stage on this target, for --profile.</summary>
    public Dictionary<string, TimeSpan> StageTimes { get; } = new(StringComparer.Ordinal);

    private readonly Stopwatch _stage = new();

    private void Lap(string stage)
    {
        StageTimes[stage] = StageTimes.GetValueOrDefault(stage) + _stage.Elapsed;
        _stage.Restart();
    }

    public FuzzTarget(string? libraryText = null, bool independentInputs = false)
    {
        _independentInputs = independentInputs;
        var files = new MockFileSystem();
        files.AddFile("/fuzz/library/common.recipe", new MockFileData(libraryText ?? "recipe relithiate(T: temperature = 220C) { hydrothermal 4M LiOH T 3h }\n"));
        files.AddFile("/fuzz/x.recipe", new MockFileData("recipe x for NCM523 { anneal 850C O2 4h }\n"));
        _workspace = new RecipeWorkspace(files);
        // As the language server's: no bound recipes kept, so a reused recipe is never bound again.
        _editor = new RecipeWorkspace(files) { KeepsBoundRecipes = false };
        _uncapped = new RecipeWorkspace(files) { MaxDiagnosticsPerFile = 0 };
        // Load the catalog and JIT the stages before any input is timed.
        Run(Encoding.UTF8.GetBytes("recipe warm for NCM523 { hydrothermal 4M LiOH 220C 3h then anneal 850C O2 4h ramp 5C/min }\n"));
        StageTimes.Clear();
    }

    /// <summary>
    /// Findings handed on, not yet fixed: an input whose only broken property starts so is counted apart from the
    /// failures and listed by the run (docs/fuzzing.md). Each has a file in Findings/.
    /// </summary>
    public static readonly IReadOnlyList<string> OpenFindings = [];

    public static bool IsOpenFinding(string failure) => OpenFindings.Any(f => failure.StartsWith(f, StringComparison.Ordinal));

    /// <summary>A budget of the input's own CPU time, tight enough to catch quadratic work: 5 s + 200 µs per byte (error-dense input costs ~50 µs a byte).</summary>
    public static TimeSpan Budget(int length) => TimeSpan.FromSeconds(5) + TimeSpan.FromMicroseconds(200.0 * length);

    public sealed record Outcome(string? Failure, bool ErrorFree, IReadOnlyList<LoweredRecipe> Lowered, TimeSpan Elapsed, TimeSpan Cpu);

    public Outcome Run(byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var cpuStart = ThreadCpuClock.Now();
        try
        {
            var failure = Check(bytes, out var errorFree, out var lowered);
            watch.Stop();
            var cpu = ThreadCpuClock.Now() - cpuStart;
            if (failure is null && cpu > Budget(bytes.Length))
            {
                failure = $"slow: {cpu.TotalMilliseconds:0} ms CPU ({watch.Elapsed.TotalMilliseconds:0} ms wall) for {bytes.Length} bytes (budget {Budget(bytes.Length).TotalMilliseconds:0} ms)";
            }
            return new Outcome(failure, errorFree, lowered, watch.Elapsed, cpu);
        }
        catch (Exception e)
        {
            return new Outcome($"exception: {e}", false, [], watch.Elapsed, ThreadCpuClock.Now() - cpuStart);
        }
    }

    private string? Check(byte[] bytes, out bool errorFree, out IReadOnlyList<LoweredRecipe> lowered)
    {
        errorFree = false;
        lowered = [];
        // The CLI refuses text that is not UTF-8; an editor still hands the server a string, so analyse that too.
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(bytes);
        }

        _stage.Restart();
        var analysis = _workspace.Analyze(new SourceText(text, InputPath));
        Lap("analyze");
        foreach (var diagnostic in analysis.Diagnostics)
        {
            if (diagnostic.Span.End > text.Length || diagnostic.Span.Start < 0)
            {
                return $"diagnostic {diagnostic.Code} span {diagnostic.Span} outside the text of length {text.Length}";
            }
            if (diagnostic.Message.Length > DiagnosticDescriptor.MaxMessageLength || diagnostic.Message.Any(char.IsControl))
            {
                return $"diagnostic {diagnostic.Code} message is unreadable: {diagnostic.Message[..Math.Min(200, diagnostic.Message.Length)]}";
            }
        }

        if (Incremental(text, analysis) is { } incrementalFailure)
        {
            return incrementalFailure;
        }
        Lap("incremental");

        var tree = analysis.Tree;
        var syntaxErrors = tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        var formatted = Formatter.Format(tree);
        Lap("format");
        if (formatted is null != syntaxErrors)
        {
            return syntaxErrors ? "fmt formatted a file with syntax errors" : "fmt refused a file with no syntax error (check and fmt disagree)";
        }
        if (Formatter.IsFormatted(tree) != (formatted is null ? null : formatted == text))
        {
            return "fmt --check and fmt disagree on whether the file is formatted";
        }
        if (formatted is not null)
        {
            var reparsed = Parser.Parse(new SourceText(formatted, InputPath));
            var again = Formatter.Format(reparsed);
            if (again != formatted)
            {
                return again is null
                    ? $"fmt output does not parse: {reparsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error)}"
                    : "fmt is not idempotent";
            }
            Lap("reformat");
            var formattedAnalysis = _workspace.Analyze(new SourceText(formatted, InputPath));
            var before = analysis;
            // fmt's fix of RL0010 moves the per-file cap by one diagnostic: compare all of them when either was capped.
            if (Capped(analysis) || Capped(formattedAnalysis))
            {
                before = _uncapped.Analyze(new SourceText(text, InputPath));
                formattedAnalysis = _uncapped.Analyze(new SourceText(formatted, InputPath));
            }
            var meaning = Meaning(before);
            var formattedMeaning = Meaning(formattedAnalysis);
            if (meaning != formattedMeaning)
            {
                return $"fmt changed the meaning:\n--- before\n{meaning}\n--- after\n{formattedMeaning}";
            }
            Lap("meaning");
            var comments = Comments(tree);
            var formattedComments = Comments(reparsed);
            if (comments != formattedComments)
            {
                return $"fmt changed the comments:\n--- before\n{comments}\n--- after\n{formattedComments}";
            }
        }

        if (analysis.HasErrors)
        {
            return null;
        }
        errorFree = true;
        var list = new List<LoweredRecipe>();
        foreach (var recipe in analysis.Recipes.Where(r => !r.IsTemplate))
        {
            try
            {
                list.Add(Lowerer.Lower(recipe, analysis.Catalog.Equipment, InputPath));
            }
            catch (LoweringException e)
            {
                return $"check and compile disagree: check found no error, lowering recipe '{recipe.Name}' failed: {e.Message}";
            }
        }
        Lap("lower");
        foreach (var (_, code) in PlanEmitter.EmitAll(list))
        {
            if (code.Length == 0)
            {
                return "emitted no C#";
            }
        }
        Lap("emit");
        lowered = list;
        return null;
    }

    /// <summary>
    /// The input typed into an editor buffer that held it without its middle third: the incremental parse and
    /// analysis from that version must give the full analysis's tree and diagnostics exactly. The buffer is held as
    /// the language server holds it, in chunks when it is large, so the lexer reads across chunk edges.
    /// </summary>
    private string? Incremental(string text, DocumentAnalysis full)
    {
        var (from, to) = (text.Length / 3, 2 * text.Length / 3);
        var before = SourceText.ForEditing(text[..from] + text[to..], InputPath);
        if (_independentInputs)
        {
            _editor.RemoveOverlay(InputPath);
        }
        _editor.SetDocument(InputPath, before, ++_version);
        _editor.Current.Analyze(InputPath);
        _editor.SetDocument(InputPath, before.WithChanges([new TextChange(new TextSpan(from, 0), text[from..to])]), ++_version);
        var incremental = _editor.Current.Analyze(InputPath)!;
        // Walking a tree's tokens costs its depth per token: deeply nested inputs compare diagnostics only.
        if (text.Count(c => c is '{' or '(') <= 200 && Dump(incremental.Tree) != Dump(full.Tree))
        {
            return "the incremental parse differs from a full parse";
        }
        return Dump(incremental.Diagnostics) != Dump(full.Diagnostics) ? "the incremental analysis differs from a full analysis" : null;
    }

    private static string Dump(SyntaxTree tree)
    {
        var builder = new StringBuilder();
        foreach (var token in tree.Root.Tokens())
        {
            builder.Append(token.Kind).Append(token.Span).Append(token.StartsLine).Append(token.IsGlued).Append(token.Text);
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                builder.Append('[').Append(trivia.Kind).Append(trivia.Span).Append(']');
            }
            builder.Append('\n');
        }
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            builder.Append(node.GetType().Name).Append(node.Span).Append('\n');
        }
        return builder.Append(Dump(tree.Diagnostics)).ToString();
    }

    private static string Dump(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics)
        {
            builder.Append($"{d.Code} {d.Severity} {d.Span} {d.Start}-{d.End} {d.Message}\n");
            foreach (var r in d.Related)
            {
                builder.Append($"  {r.Path} {r.Span} {r.Start}-{r.End} {r.Message}\n");
            }
            foreach (var f in d.Fixes)
            {
                builder.Append($"  {f.Title}: {string.Join("; ", f.Edits.Select(e => $"{e.Span}={e.NewText}"))}\n");
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// What formatting must keep: every recipe's summary (name, material, steps with normalised arguments, duration,
    /// peak temperature, defect repairs) and the codes of the diagnostics.
    /// </summary>
    private static bool Capped(DocumentAnalysis analysis) => analysis.Diagnostics.Any(d => d.Code == Descriptors.TooManyDiagnostics.Code);

    private static string Meaning(DocumentAnalysis analysis)
    {
        var builder = new StringBuilder();
        foreach (var recipe in analysis.Recipes)
        {
            var summary = RecipeSummary.Create(recipe, analysis.Catalog);
            builder.Append("recipe ").Append(summary.Name).Append(" for ").Append(summary.Material).Append(": ")
                .Append(summary.TotalDuration).Append(' ').Append(summary.PeakTemperatureC).Append('\n');
            foreach (var step in summary.Steps)
            {
                builder.Append("  ").Append(step.Operation).Append(' ').Append(step.Arguments).Append('\n');
            }
            foreach (var (defect, steps) in summary.DefectRepairs)
            {
                builder.Append("  ").Append(defect).Append(": ").AppendJoin(',', steps).Append('\n');
            }
        }
        // RL0010 ('then' before the first step) is the one finding fmt fixes: it drops that 'then'.
        builder.AppendJoin(' ', analysis.Diagnostics.Select(d => d.Code).Where(c => c != "RL0010").Order(StringComparer.Ordinal));
        return builder.ToString();
    }

    private static string Comments(SyntaxTree tree) =>
        string.Join('\n', tree.Root.Tokens().SelectMany(t => t.LeadingTrivia.Concat(t.TrailingTrivia))
            .Where(t => t.Kind == TriviaKind.Comment).Select(t => t.Text.TrimEnd()));

    /// <summary>Compiles a batch of error-free recipes with Roslyn; the failure names the first recipe whose C# does not compile.</summary>
    public static string? Compile(IReadOnlyList<LoweredRecipe> recipes)
    {
        if (recipes.Count == 0)
        {
            return null;
        }
        var result = PlanCompiler.Compile(recipes);
        if (result.Success)
        {
            return null;
        }
        return $"emitted C# does not compile: {string.Join("; ", result.Errors.Take(3))}";
    }
}
