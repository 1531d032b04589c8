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

    public static CompiledPlans Compile(IEnumerable<LoweredRecipe> recipes, string assemblyName = DefaultAssemblyName)
    {
        var files = PlanEmitter.EmitAll(recipes);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(f.Code, System.Text.Encoding.UTF8), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: f.FileName));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
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
