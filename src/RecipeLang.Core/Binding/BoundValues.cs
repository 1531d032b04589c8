using System.Collections.Immutable;
using RecipeLang.Catalog;
using RecipeLang.Chemistry;
using RecipeLang.Text;
using RecipeLang.Units;

namespace RecipeLang.Binding;

/// <summary>
/// An argument after binding: what it means, with the span it is used at. A value that reached the step
/// through a <c>let</c>, a parameter default or a <c>use</c> argument also knows where it is written
/// (<see cref="Origin"/>), so a diagnostic about it can point at the text a user must change.
/// </summary>
public abstract record BoundValue(TextSpan Span)
{
    public ValueOrigin? Origin { get; init; }
}

/// <summary>Where a value is written: a literal in a <c>let</c>, a parameter default or a <c>use</c> argument.</summary>
public sealed record ValueOrigin(SourceText Source, TextSpan Span);

public sealed record QuantityValue(Quantity Quantity, TextSpan Span) : BoundValue(Span);

/// <summary>A reagent: a catalogued one, or any formula that parses (its elements are still known).</summary>
public sealed record ReagentValue(string Text, ReagentInfo? Reagent, Formula? Formula, TextSpan Span) : BoundValue(Span)
{
    public bool LithiumBearing => Reagent?.LithiumBearing ?? Formula?.Contains("Li") ?? false;

    public string Name => Reagent?.Name ?? Text;
}

public sealed record MixtureValue(ImmutableArray<ReagentValue> Components, TextSpan Span) : BoundValue(Span);

public sealed record RatioValue(ImmutableArray<string> Components, ImmutableArray<double> Parts, TextSpan Span) : BoundValue(Span);

/// <summary>A catalogue name: an atmosphere, a coating, a binder, a conductive additive or a choice.</summary>
public sealed record NamedValue(string Text, object? Info, TextSpan Span) : BoundValue(Span);

public sealed record FlagValue(TextSpan Span) : BoundValue(Span);

public sealed record CountValue(int Count, TextSpan Span) : BoundValue(Span);

public sealed record TextValue(string Text, TextSpan Span) : BoundValue(Span);

public sealed record DopantAmount(string Element, DopantInfo? Info, QuantityValue? Amount, TextSpan ElementSpan);

public sealed record DopantsValue(ImmutableArray<DopantAmount> Dopants, TextSpan Span) : BoundValue(Span);

/// <summary>A recipe parameter with no value yet (checked with its default when it has one).</summary>
public sealed record ParameterValue(string Name, Dimension Dimension, TextSpan Span) : BoundValue(Span);
