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

    /// <summary>
    /// A diagnostic about a step, at the text a user of this file changes: the span in the step, or for a step
    /// that came through <c>use</c> the argument that set the value (else the <c>use</c>), with a related location
    /// in the used recipe. A value set elsewhere (a <c>let</c>, a default) gets a related location there.
    /// </summary>
    public Diagnostic Create(DiagnosticDescriptor descriptor, BoundStep step, TextSpan spanInStep, params object[] args)
    {
        var origin = OriginAt(step, spanInStep);
        var span = spanInStep;
        var diagnostic = default(Diagnostic);
        if (step.Via is { } use)
        {
            span = origin is not null && origin.Source == Source && use.Span.Contains(origin.Span) ? origin.Span : use.Span;
            diagnostic = descriptor.Create(Source, span, args).WithRelated(step.Source, spanInStep, $"{step.Describe()} of the used recipe, in {System.IO.Path.GetFileName(step.Source.Path)}");
        }
        diagnostic ??= descriptor.Create(Source, span, args);
        return origin is not null && (origin.Source != Source || origin.Span != span)
            ? diagnostic.WithRelated(origin.Source, origin.Span, "the value is set here")
            : diagnostic;
    }

    /// <summary>Where the argument at the span is written, when it came from elsewhere.</summary>
    private static ValueOrigin? OriginAt(BoundStep step, TextSpan spanInStep)
    {
        foreach (var (_, value) in step.Arguments)
        {
            if (value.Span == spanInStep)
            {
                return value.Origin;
            }
        }
        return null;
    }

    public void Report(DiagnosticDescriptor descriptor, BoundStep step, TextSpan spanInStep, params object[] args) =>
        sink(Create(descriptor, step, spanInStep, args));

    public void Report(Diagnostic diagnostic) => sink(diagnostic);

    /// <summary>A related location pointing at another step (in its own file when it came through <c>use</c>).</summary>
    public static Diagnostic Related(Diagnostic diagnostic, BoundStep step, string message) =>
        diagnostic.WithRelated(step.Source, step.Syntax.Span, message);

    public static string Celsius(double value) => $"{Units.NumberText.Display(value)} °C";
}
