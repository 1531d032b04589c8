using System.Security.Cryptography;
using System.Text;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Cli.Output;

/// <summary>
/// Identifies a finding across edits that only move it: the file, the code and the text it underlines (blanks
/// collapsed), not its line or message, which shift when lines above it change. Two identical findings in one
/// file share a fingerprint; baselines count them, reports number them.
/// </summary>
public static class Fingerprint
{
    public static string Of(string path, Diagnostic diagnostic, SourceText source)
    {
        var underlined = string.Join(' ', source[diagnostic.Span].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var key = $"{path.Replace('\\', '/')}\n{diagnostic.Code}\n{underlined}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
