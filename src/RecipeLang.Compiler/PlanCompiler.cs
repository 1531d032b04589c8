using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using RecipeLang.Compiler.Emission;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler;

/// <summary>A problem Roslyn found in emitted code, located at the recipe line its #line directive names.</summary>
public sealed record CompileError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: error: generated plan does not compile: {Message}";
}

/// <summary>An in-memory assembly of plans: the image (with its embedded PDB), or the errors.</summary>
public sealed record CompiledPlans(ImmutableArray<byte> Image, ImmutableArray<CompileError> Errors, ImmutableArray<string> Warnings)
{
    public bool Success => Errors.IsEmpty;

    /// <summary>An assembly written earlier by <c>compile --emit dll</c>.</summary>
    public static CompiledPlans FromImage(byte[] image) => new([.. image], [], []);

    /// <summary>Loads the assembly and creates one instance of every plan in it, in recipe order.</summary>
    public IReadOnlyList<IStepPlan> Load()
    {
        if (!Success)
        {
            throw new InvalidOperationException($"The plans did not compile: {string.Join("; ", Errors)}");
        }
        var assembly = Assembly.Load([.. Image]);
        return assembly.GetTypes()
            .Where(t => typeof(IStepPlan).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.MetadataToken)
            .Select(t => (IStepPlan)Activator.CreateInstance(t)!)
            .ToList();
    }
}

/// <summary>Compiles emitted plans in memory against reference assemblies and the runtime contract.</summary>
public static class PlanCompiler
{
    public const string DefaultAssemblyName = "RecipeLang.Plans";

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(IStepPlan).Assembly.Location)];

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>
    /// Compiles the plans into one assembly. The emitter's syntax trees are compiled as they are, not printed and parsed
    /// again: their text is exactly what <c>--emit cs</c> prints (a test parses it back to an equivalent tree).
    /// <paramref name="embedPdb"/> adds a portable PDB whose sequence points name the recipe lines; a plan's code only
    /// builds its step table, so it serves a debugger rather than a stack trace, and costs compile time.
    /// </summary>
    public static CompiledPlans Compile(IEnumerable<LoweredRecipe> recipes, string assemblyName = DefaultAssemblyName, bool embedPdb = false)
    {
        var trees = PlanEmitter.EmitUnits(recipes).Select(u => CSharpSyntaxTree.Create(u.Unit, ParseOptions, u.FileName, System.Text.Encoding.UTF8));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: embedPdb ? new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded) : null);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToRecipe).ToImmutableArray();
        var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => ToRecipe(d).ToString()).ToImmutableArray();
        return new CompiledPlans(result.Success ? [.. image.ToArray()] : [], errors, warnings);
    }

    /// <summary>Roslyn's location through the #line directives: the recipe file and line, not the generated C#.</summary>
    private static CompileError ToRecipe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        return new CompileError(span.Path, span.StartLinePosition.Line + 1, $"{diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
