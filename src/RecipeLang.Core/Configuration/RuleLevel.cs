using RecipeLang.Diagnostics;

namespace RecipeLang.Configuration;

/// <summary>A rule's severity as a site sets it in <c>recipelang.json</c>; <see cref="Off"/> silences the rule.</summary>
public enum RuleLevel
{
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

public static class RuleLevels
{
    /// <summary>The spellings the config file accepts, lower case.</summary>
    public static IReadOnlyList<string> Names { get; } = ["off", "hint", "info", "warning", "error"];

    public static bool TryParse(string text, out RuleLevel level)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        level = index < 0 ? default : (RuleLevel)index;
        return index >= 0;
    }

    /// <summary>The severity to report with, or null when the rule is off.</summary>
    public static DiagnosticSeverity? ToSeverity(this RuleLevel level) => level switch
    {
        RuleLevel.Hint => DiagnosticSeverity.Hint,
        RuleLevel.Info => DiagnosticSeverity.Info,
        RuleLevel.Warning => DiagnosticSeverity.Warning,
        RuleLevel.Error => DiagnosticSeverity.Error,
        _ => null,
    };
}
