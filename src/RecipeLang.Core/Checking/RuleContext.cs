using RecipeLang.Binding;
using RecipeLang.Catalog;
using RecipeLang.Diagnostics;
using RecipeLang.Text;

namespace RecipeLang.Checking;

/// <summary>What a rule may read, and where it reports. Spans in steps that came through <c>use</c> are moved to the <c>use</c>.</summary>
public sealed class RuleContext(RecipeCatalog catalog, SourceText source, Action<Diagnostic> sink)
{
    public RecipeCatalog Catalog { get; } = catalog;

    public EquipmentProfile Equipment => Catalog.Equipment;

    public ProcessLimits Limits => Catalog.Limits;

    public SourceText Source { get; } = source;

    public Diagnostic Create(DiagnosticDescriptor descriptor, BoundStep step, TextSpan spanInStep, params object[] args) =>
        descriptor.Create(Source, step.ReportSpan(spanInStep), args);

    public void Report(DiagnosticDescriptor descriptor, BoundStep step, TextSpan spanInStep, params object[] args) =>
        sink(Create(descriptor, step, spanInStep, args));

    public void Report(Diagnostic diagnostic) => sink(diagnostic);

    /// <summary>A related location pointing at another step (in its own file when it came through <c>use</c>).</summary>
    public static Diagnostic Related(Diagnostic diagnostic, BoundStep step, string message) =>
        diagnostic.WithRelated(step.Source, step.Syntax.Span, message);

    public static string Celsius(double value) => $"{Units.NumberText.Display(value)} °C";
}
