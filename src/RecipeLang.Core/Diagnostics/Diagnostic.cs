using System.Collections.Immutable;
using RecipeLang.Text;

namespace RecipeLang.Diagnostics;

/// <summary>What every diagnostic of one code shares: the stable code, a title, the default severity and the message template.</summary>
public sealed record DiagnosticDescriptor(string Code, string Title, DiagnosticSeverity DefaultSeverity, string MessageFormat)
{
    public string Family => Code[..3] switch
    {
        "RL0" => "syntax",
        "RL1" => "names",
        "RL2" => "types and units",
        "RL3" => "process limits",
        "RL4" => "sequence and defects",
        _ => "hygiene",
    };

    /// <summary>A site may change the severity of any code but a syntax error: a file that does not parse has no meaning to check.</summary>
    public bool IsConfigurable => !(Family == "syntax" && DefaultSeverity == DiagnosticSeverity.Error);

    public Diagnostic Create(SourceText source, TextSpan span, params object[] args) =>
        new(this, source.Path, span, source.GetPosition(span.Start), source.GetPosition(span.End), Message(args), DefaultSeverity,
            ImmutableArray<RelatedLocation>.Empty, ImmutableArray<CodeFix>.Empty);

    /// <summary>A message is at most this long: past it, every long argument is cut to its ends (two long paths, say).</summary>
    public const int MaxMessageLength = 2000;

    private string Message(object[] args)
    {
        var message = Format(args, MaxEchoLength);
        return message.Length <= MaxMessageLength ? message : Format(args, 200);
    }

    private string Format(object[] args, int echoLength) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args.Select(a => Echo(a, echoLength)).ToArray());

    /// <summary>
    /// The longest argument a message repeats in full; a 100,000-digit number is shown by its ends. Long enough for
    /// what rules compose themselves (a literature source with its address, the list of steps that would repair a
    /// defect), which must never be cut.
    /// </summary>
    public const int MaxEchoLength = 1000;

    /// <summary>
    /// A piece of the user's text as a message repeats it: control characters (a NUL, an escape sequence) spelled
    /// as \uXXXX so they cannot garble a terminal or a log, and a long piece cut to its ends.
    /// </summary>
    private static object Echo(object arg, int maxLength)
    {
        if (arg is not string text)
        {
            return arg;
        }
        if (text.Any(char.IsControl))
        {
            text = string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        }
        return text.Length <= maxLength
            ? text
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..100]}…{text[^20..]} ({text.Length:N0} characters)");
    }
}

/// <summary>Another place that explains a diagnostic, e.g. the earlier step a sequence rule is about.</summary>
public sealed record RelatedLocation(string Path, TextSpan Span, LinePosition Start, LinePosition End, string Message);

/// <summary>A machine-applicable fix: edits against the text the diagnostic was computed on (non-overlapping).</summary>
public sealed record CodeFix(string Title, ImmutableArray<TextChange> Edits);

/// <summary>One finding about a recipe, with its exact span; immutable so front ends can cache and compare.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string Path,
    TextSpan Span,
    LinePosition Start,
    LinePosition End,
    string Message,
    DiagnosticSeverity Severity,
    ImmutableArray<RelatedLocation> Related,
    ImmutableArray<CodeFix> Fixes)
{
    public string Code => Descriptor.Code;

    public Diagnostic WithRelated(SourceText source, TextSpan span, string message) =>
        this with { Related = Related.Add(new RelatedLocation(source.Path, span, source.GetPosition(span.Start), source.GetPosition(span.End), message)) };

    public Diagnostic WithFix(string title, params TextChange[] edits) =>
        this with { Fixes = Fixes.Add(new CodeFix(title, [.. edits])) };

    /// <summary>
    /// The same diagnostic in a new version of its file whose text moved (an edit elsewhere): every offset in this
    /// file — the span, related locations here, fix edits — goes through <paramref name="move"/>, and line
    /// positions are computed again in <paramref name="source"/>.
    /// </summary>
    internal Diagnostic Moved(Func<int, int> move, SourceText source)
    {
        TextSpan Move(TextSpan span) => TextSpan.FromBounds(move(span.Start), move(span.End));
        var span = Move(Span);
        return this with
        {
            Span = span,
            Start = source.GetPosition(span.Start),
            End = source.GetPosition(span.End),
            Related = Related.IsEmpty ? Related : [.. Related.Select(r => r.Path == Path && Move(r.Span) is var moved
                ? r with { Span = moved, Start = source.GetPosition(moved.Start), End = source.GetPosition(moved.End) }
                : r)],
            Fixes = Fixes.IsEmpty ? Fixes : [.. Fixes.Select(f => f with { Edits = [.. f.Edits.Select(e => e with { Span = Move(e.Span) })] })],
        };
    }

    /// <summary>The CLI's line format, 1-based like compilers print: <c>path:line:col: severity CODE: message</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Start.Line + 1}:{Start.Character + 1}: {Severity.ToText()} {Code}: {Message}";
}
