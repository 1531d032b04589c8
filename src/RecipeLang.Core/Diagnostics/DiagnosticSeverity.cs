namespace RecipeLang.Diagnostics;

/// <summary>Ordered so that a larger value is more severe.</summary>
public enum DiagnosticSeverity
{
    Hint,
    Info,
    Warning,
    Error,
}

public static class DiagnosticSeverityText
{
    public static string ToText(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hint",
    };
}
