using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using RecipeLang.Compiler.Lowering;
using RecipeLang.Runtime;

namespace RecipeLang.Compiler;

/// <summary>
/// A content hash of everything <see cref="PlanCompiler.Compile"/> turns into an assembly: the lowered recipes
/// (every field, serialised by System.Text.Json so that a field added later is hashed too), the assembly name,
/// whether a PDB is embedded, and the builds of this compiler, the runtime and Roslyn. Equal keys mean byte-equal images, so a cached image
/// is what a fresh compile would produce: what is simulated stays what the plant runs.
/// </summary>
public static class CompilationKey
{
    public static string Compute(IEnumerable<LoweredRecipe> recipes, string assemblyName = PlanCompiler.DefaultAssemblyName, bool embedPdb = false)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var build in new[] { typeof(CompilationKey), typeof(IStepPlan), typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation) })
        {
            hash.AppendData(build.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(assemblyName, CompilationKeyJson.Default.String));
        hash.AppendData([embedPdb ? (byte)1 : (byte)0]);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(recipes.ToArray(), CompilationKeyJson.Default.LoweredRecipeArray));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

// Generated serialisation: the reflection serialiser built its metadata at run time, about 100 ms of a cached
// `run --simulate` (docs/benchmarks.md).
[JsonSourceGenerationOptions(UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(LoweredRecipe[]))]
[JsonSerializable(typeof(string))]
internal sealed partial class CompilationKeyJson : JsonSerializerContext;
