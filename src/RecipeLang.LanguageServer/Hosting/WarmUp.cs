using System.IO.Abstractions;
using System.Text.Json;
using RecipeLang.LanguageServer.Features;
using RecipeLang.LanguageServer.Protocol;
using RecipeLang.Text;
using RecipeLang.Workspace;

namespace RecipeLang.LanguageServer.Hosting;

/// <summary>
/// Analyses a small recipe, edits it and analyses it again, in a workspace of its own, when the server starts. The
/// server runs without tiered compilation (an edit costs a third less), so the code of the edit path is compiled at
/// its first use: without this the first keystroke in the first document waits 30-50 ms for the JIT.
/// </summary>
public static class WarmUp
{
    private const string Path = "/recipelang-warm-up/warm-up.recipe";

    /// <summary>A small valid library: a let, a parameterised recipe and a use of it (the command server warms up on it too).</summary>
    public const string Sample = """
        let T = 180C

        recipe relithiate(T: temperature = 200C, hold: time = 4h) {
          hydrothermal 4M LiOH T hold
          then dry 80C 12h
        }

        recipe regenerate for NCM523 {
          use relithiate(T = T, hold = 3h)
          then anneal 850C O2 4h
          then coat Li3PO4 1wt% method wet 400C
        }

        """;

    /// <summary>Runs the warm-up; returns the diagnostics of the edited sample (none: the edit keeps it valid).</summary>
    public static LspDiagnostic[] Run(IFileSystem fileSystem)
    {
        var workspace = new RecipeWorkspace(fileSystem);
        var text = SourceText.ForEditing(Sample, Path);
        workspace.SetDocument(Path, text, 1);
        DocumentAnalysis analysis = workspace.Current.Analyze(Path)!;
        var at = Sample.IndexOf("850C", StringComparison.Ordinal);
        text = text.WithChanges([new TextChange(new TextSpan(at, 3), "840")]);
        workspace.SetDocument(Path, text, 2);
        analysis = workspace.Current.Analyze(Path)!;
        var diagnostics = DiagnosticsPublisher.Convert(analysis, null);
        JsonSerializer.SerializeToUtf8Bytes(new PublishDiagnosticsParams("file://" + Path, 2, diagnostics), LspJson.Options);
        return diagnostics;
    }
}
