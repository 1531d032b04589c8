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
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Compute(IEnumerable<LoweredRecipe> recipes, string assemblyName = PlanCompiler.DefaultAssemblyName, bool embedPdb = false)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var build in new[] { typeof(CompilationKey), typeof(IStepPlan), typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation) })
        {
            hash.AppendData(build.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(assemblyName, Json));
        hash.AppendData([embedPdb ? (byte)1 : (byte)0]);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(recipes.ToArray(), Json));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
