using System.Reflection;

namespace RecipeLang.Diagnostics;

/// <summary>
/// Every diagnostic code RecipeLang can report, in one place. Codes are stable: never reuse or renumber one;
/// each has a page in docs/rules/ (a test checks both directions).
/// </summary>
public static class Descriptors
{
    // RL0xxx syntax
    public static readonly DiagnosticDescriptor InvalidCharacter = new("RL0001", "Invalid character", DiagnosticSeverity.Error,
        "Invalid character '{0}'; remove it (comments start with '#')");
    public static readonly DiagnosticDescriptor UnterminatedString = new("RL0002", "Unterminated string", DiagnosticSeverity.Error,
        "Unterminated string; close it with '\"' on the same line");
    public static readonly DiagnosticDescriptor UnexpectedToken = new("RL0003", "Unexpected token", DiagnosticSeverity.Error,
        "Unexpected {0}; expected {1}");
    public static readonly DiagnosticDescriptor MissingCloseBrace = new("RL0004", "Missing '}'", DiagnosticSeverity.Error,
        "Recipe '{0}' is not closed; add '}}' after its last step");
    public static readonly DiagnosticDescriptor UnmatchedCloseBrace = new("RL0005", "Unmatched '}'", DiagnosticSeverity.Error,
        "'}}' closes nothing; remove it or add the 'recipe NAME {{' it belongs to");
    public static readonly DiagnosticDescriptor ExpectedOperation = new("RL0006", "Step without an operation", DiagnosticSeverity.Error,
        "A step starts with an operation name such as 'anneal' or 'hydrothermal', not {0}");
    public static readonly DiagnosticDescriptor MissingCloseParen = new("RL0007", "Missing ')'", DiagnosticSeverity.Error,
        "'(' is not closed; add ')' before the end of the line");
    public static readonly DiagnosticDescriptor DanglingThen = new("RL0008", "'then' without a step", DiagnosticSeverity.Error,
        "'then' must be followed by a step; remove it or add the step");
    public static readonly DiagnosticDescriptor MalformedNumber = new("RL0009", "Malformed number", DiagnosticSeverity.Error,
        "'{0}' is not a number; write one decimal point at most, e.g. 1.5");
    public static readonly DiagnosticDescriptor ThenBeforeFirstStep = new("RL0010", "'then' before the first step", DiagnosticSeverity.Warning,
        "'then' joins two steps; remove it before the first step");

    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> ByCode = new(() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase));

    public static IEnumerable<DiagnosticDescriptor> All => ByCode.Value.Values.OrderBy(d => d.Code, StringComparer.Ordinal);

    public static DiagnosticDescriptor? Find(string code) => ByCode.Value.GetValueOrDefault(code);
}
