using System.Text;
using RecipeLang.Syntax;
using RecipeLang.Units;

namespace RecipeLang.Formatting;

/// <summary>
/// Prints a tree in the canonical layout: one statement per line, two-space indentation in recipe bodies,
/// <c>then</c> before every step but the first of a block, one space between arguments, units glued to their
/// numbers in canonical spelling, at most one blank line in a row. Every comment is kept: own-line comments stay
/// above their statement, an end-of-line comment stays at the end of its statement's line.
/// Like gofmt and rustfmt it does not touch a file with syntax errors: that would guess at broken code. A file whose
/// opening comments include <see cref="OffDirective"/> is laid out by hand and stays as written, as Black's
/// <c># fmt: off</c> and clang-format's <c>// clang-format off</c> leave code alone.
/// </summary>
public static class Formatter
{
    private const string Indent = "  ";

    /// <summary>The comment, among those that open a file, that keeps the file as it is written.</summary>
    public const string OffDirective = "# recipelang-fmt: off";

    /// <summary>The formatted text, or null when the tree has syntax errors.</summary>
    public static string? Format(SyntaxTree tree) =>
        HasSyntaxErrors(tree) ? null : IsOff(tree) ? tree.Source.Text : Write(tree).ToString();

    /// <summary>
    /// Whether the file is formatted already, or null when it has syntax errors: what <c>fmt --check</c> asks. The
    /// formatted text is compared piece by piece as written, never made into one more string of the file's size.
    /// </summary>
    public static bool? IsFormatted(SyntaxTree tree)
    {
        if (HasSyntaxErrors(tree))
        {
            return null;
        }
        if (IsOff(tree))
        {
            return true;
        }
        var formatted = Write(tree);
        var text = tree.Source.Text.AsSpan();
        if (formatted.Length != text.Length)
        {
            return false;
        }
        foreach (var chunk in formatted.GetChunks())
        {
            if (!chunk.Span.SequenceEqual(text[..chunk.Length]))
            {
                return false;
            }
            text = text[chunk.Length..];
        }
        return true;
    }

    private static bool HasSyntaxErrors(SyntaxTree tree) => tree.Diagnostics.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error);

    private static StringBuilder Write(SyntaxTree tree)
    {
        var writer = new StringBuilder();
        WriteBlock(writer, tree.Root.Statements, "");
        var tail = Comments(tree.Root.EndOfFile.LeadingTrivia).ToList();
        if (tail.Count > 0)
        {
            if (writer.Length > 0 && HasBlankLine(tree.Root.EndOfFile.LeadingTrivia))
            {
                writer.Append('\n');
            }
            foreach (var comment in tail)
            {
                writer.Append(comment).Append('\n');
            }
        }
        return writer;
    }

    private static void WriteBlock(StringBuilder writer, IReadOnlyList<StatementSyntax> statements, string indent)
    {
        var firstStepWritten = false;
        var wroteStatement = false;
        // Comments of empty statements go above the next statement, after the blank line it keeps: formatted again,
        // they are that statement's own-line comments, and land in the same place (fmt stays idempotent).
        var pending = new StringBuilder();
        var pendingBlankLine = false;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var tokens = HeaderTokens(statement).ToList();
            if (statement is ErrorStatementSyntax { Then: null, SkippedTokens.Length: 0 })
            {
                // An empty statement (a lone ';', also at the start of a line) prints nothing but its comments.
                pendingBlankLine |= pending.Length == 0 && tokens.Count > 0 && HasBlankLine(tokens[0].LeadingTrivia);
                foreach (var token in tokens)
                {
                    WriteLeadingComments(pending, token.LeadingTrivia, indent);
                    foreach (var comment in Comments(token.TrailingTrivia))
                    {
                        pending.Append(indent).Append(comment).Append('\n');
                    }
                }
                continue;
            }
            // An empty statement before this one wrote nothing: it is as if this one came first.
            var blankLine = wroteStatement && (statement is RecipeSyntax || statements[i - 1] is RecipeSyntax || pendingBlankLine || HasBlankLine(tokens[0].LeadingTrivia));
            wroteStatement = true;
            if (blankLine)
            {
                writer.Append('\n');
            }
            writer.Append(pending);
            pending.Clear();
            pendingBlankLine = false;
            WriteLeadingComments(writer, tokens[0].LeadingTrivia, indent);
            // Comments inside a multi-line statement move above it, in their order: the statement becomes one line.
            for (var t = 0; t < tokens.Count; t++)
            {
                var inside = (t > 0 ? Comments(tokens[t].LeadingTrivia) : []).Concat(t < tokens.Count - 1 ? Comments(tokens[t].TrailingTrivia) : []);
                foreach (var comment in inside)
                {
                    writer.Append(indent).Append(comment).Append('\n');
                }
            }
            writer.Append(indent);
            if (statement is StepSyntax or UseSyntax)
            {
                if (firstStepWritten)
                {
                    writer.Append("then ");
                }
                firstStepWritten = true;
            }
            WriteStatement(writer, statement);
            AppendEndOfLineComment(writer, tokens[^1]);
            writer.Append('\n');
            if (statement is RecipeSyntax recipe)
            {
                WriteBlock(writer, recipe.Body, indent + Indent);
                foreach (var comment in Comments(recipe.CloseBrace.LeadingTrivia))
                {
                    writer.Append(indent).Append(Indent).Append(comment).Append('\n');
                }
                writer.Append(indent).Append('}');
                AppendEndOfLineComment(writer, recipe.CloseBrace);
                if (recipe.Semicolon is { StartsLine: true } semicolon)
                {
                    // A ';' on a later line goes; the comments before and after it go above the next statement (fuzz finding).
                    WriteLeadingComments(pending, semicolon.LeadingTrivia, indent);
                    foreach (var comment in Comments(semicolon.TrailingTrivia))
                    {
                        pending.Append(indent).Append(comment).Append('\n');
                    }
                }
                else if (recipe.Semicolon is { } sameLine)
                {
                    AppendEndOfLineComment(writer, sameLine);
                }
                writer.Append('\n');
            }
        }
        writer.Append(pending);
    }

    private static bool IsOff(SyntaxTree tree)
    {
        var first = tree.Root.Statements.IsEmpty ? tree.Root.EndOfFile : tree.Root.Statements[0].Tokens().First();
        return first.LeadingTrivia.Any(t => t.Kind == TriviaKind.Comment
            && t.Text.StartsWith(OffDirective, StringComparison.Ordinal) && (t.Text.Length == OffDirective.Length || char.IsWhiteSpace(t.Text[OffDirective.Length])));
    }

    /// <summary>The tokens printed on the statement's own line: a recipe's header up to '{', else everything.</summary>
    private static IEnumerable<SyntaxToken> HeaderTokens(StatementSyntax statement) =>
        statement is RecipeSyntax recipe ? recipe.Tokens().TakeWhile(t => t != recipe.OpenBrace).Append(recipe.OpenBrace) : statement.Tokens();

    private static void WriteStatement(StringBuilder writer, StatementSyntax statement)
    {
        switch (statement)
        {
            case StepSyntax step:
                writer.Append(step.Operation.Text);
                WriteArguments(writer, step.Arguments, anySpelling: !AcceptsCRate(step.Operation.Text));
                break;
            case UseSyntax use:
                writer.Append("use ").Append(use.Name.Text);
                if (use.Arguments is not null)
                {
                    WriteArgumentList(writer, use.Arguments);
                }
                break;
            case LetSyntax let:
                writer.Append("let ").Append(let.Name.Text).Append(" = ");
                WriteArgument(writer, let.Value);
                break;
            case ImportSyntax import:
                writer.Append("import ").Append(import.Path.Text);
                break;
            case DefectsSyntax defects:
                writer.Append("defects ");
                for (var i = 0; i < defects.Defects.Length; i++)
                {
                    if (i > 0)
                    {
                        writer.Append(", ");
                    }
                    writer.Append(defects.Defects[i].Name.Text);
                    if (defects.Defects[i].Arguments is { } arguments)
                    {
                        WriteArgumentList(writer, arguments);
                    }
                }
                break;
            case ClauseSyntax clause:
                writer.Append(clause.Keyword.Text);
                WriteArguments(writer, clause.Arguments, anySpelling: clause.Keyword.Kind != TokenKind.ExpectKeyword);
                break;
            case RecipeSyntax recipe:
                writer.Append("recipe ").Append(recipe.Name.Text);
                if (recipe.Parameters is { } parameters)
                {
                    writer.Append('(');
                    for (var i = 0; i < parameters.Parameters.Length; i++)
                    {
                        var parameter = parameters.Parameters[i];
                        writer.Append(i > 0 ? ", " : "").Append(parameter.Name.Text).Append(": ").Append(parameter.Type.Text);
                        if (parameter.Default is not null)
                        {
                            writer.Append(" = ");
                            WriteArgument(writer, parameter.Default);
                        }
                    }
                    writer.Append(')');
                }
                if (recipe.Material is { } material)
                {
                    writer.Append(" for ").Append(material.Text);
                }
                writer.Append(" {");
                break;
            default:
                throw new InvalidOperationException($"Unformattable statement {statement.GetType().Name}; the formatter runs only on error-free trees.");
        }
    }

    private static void WriteArguments(StringBuilder writer, IEnumerable<ArgumentSyntax> arguments, bool anySpelling)
    {
        foreach (var argument in arguments)
        {
            writer.Append(' ');
            WriteArgument(writer, argument, anySpelling);
        }
    }

    private static void WriteArgumentList(StringBuilder writer, ArgumentListSyntax list)
    {
        writer.Append('(');
        for (var i = 0; i < list.Arguments.Length; i++)
        {
            var argument = list.Arguments[i];
            if (i > 0)
            {
                writer.Append(", ");
            }
            if (argument.Name is { } name)
            {
                writer.Append(name.Text).Append(" = ");
            }
            WriteArgument(writer, argument.Value);
        }
        writer.Append(')');
    }

    /// <param name="anySpelling">
    /// Whether a unit may take its canonical spelling even where that spelling has another meaning too: true in a
    /// step that has no C-rate parameter, where "220 °C" and "220C" are the same temperature.
    /// </param>
    private static void WriteArgument(StringBuilder writer, ArgumentSyntax argument, bool anySpelling = false)
    {
        switch (argument)
        {
            case QuantitySyntax quantity:
                writer.Append(quantity.Number.Text);
                if (quantity.Unit is { } unit)
                {
                    writer.Append(CanonicalUnit(unit.Text, anySpelling));
                }
                break;
            case NameSyntax name:
                writer.Append(name.Text);
                break;
            case MixtureSyntax mixture:
                writer.AppendJoin('-', mixture.Components.Select(c => c.Text));
                break;
            case RatioSyntax ratio:
                if (ratio.EqualsToken is not null)
                {
                    writer.AppendJoin(':', ratio.Components.Select(c => c.Text)).Append(" = ");
                }
                writer.AppendJoin(':', ratio.Parts.Select(p => p.Text));
                break;
            case StringSyntax text:
                writer.Append(text.Token.Text);
                break;
        }
    }

    /// <summary>
    /// "°C" becomes "C", "hr" becomes "h"; an unknown unit is left as written for the checker to report. Where a C-rate
    /// could be meant (a step with a C-rate parameter, a let, a use or default value) a spelling is replaced only by
    /// one that means the same in every context: "0.5 °C" stays, because "0.5C" there is a C-rate.
    /// </summary>
    private static string CanonicalUnit(string spelling, bool anySpelling) =>
        !UnitTable.TryLookup(spelling, out var unit) ? spelling
            : anySpelling ? unit.Canonical
            : CanonicalSpellings.GetOrAdd(spelling, static (s, canonical) => Enum.GetValues<Dimension>().All(d => SameMeaning(s, canonical, d)) ? canonical : s, unit.Canonical);

    private static bool AcceptsCRate(string operation) =>
        Catalog.RecipeCatalog.Default.FindOperation(operation) is not { } info || info.Parameters.Any(p => p.Dimension == Dimension.CRate);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CanonicalSpellings = new(StringComparer.Ordinal);

    private static bool SameMeaning(string spelling, string canonical, Dimension preferred) =>
        UnitTable.TryLookup(spelling, preferred, out var a) && UnitTable.TryLookup(canonical, preferred, out var b) && a == b;

    /// <summary>Own-line comments above a statement; a blank line between two comment paragraphs is kept.</summary>
    private static void WriteLeadingComments(StringBuilder writer, IEnumerable<SyntaxTrivia> trivia, string indent)
    {
        var newLines = 0;
        var first = true;
        foreach (var item in trivia)
        {
            if (item.Kind == TriviaKind.NewLine)
            {
                newLines++;
            }
            else if (item.Kind == TriviaKind.Comment)
            {
                if (!first && newLines >= 2)
                {
                    writer.Append('\n');
                }
                writer.Append(indent).Append(item.Text.TrimEnd()).Append('\n');
                first = false;
                newLines = 0;
            }
        }
    }

    private static void AppendEndOfLineComment(StringBuilder writer, SyntaxToken last)
    {
        foreach (var comment in Comments(last.TrailingTrivia))
        {
            writer.Append("  ").Append(comment);
        }
    }

    private static IEnumerable<string> Comments(IEnumerable<SyntaxTrivia> trivia) =>
        trivia.Where(t => t.Kind == TriviaKind.Comment).Select(t => t.Text.TrimEnd());

    private static bool HasBlankLine(IEnumerable<SyntaxTrivia> trivia)
    {
        var newLines = 0;
        foreach (var item in trivia)
        {
            if (item.Kind == TriviaKind.NewLine)
            {
                if (++newLines >= 2)
                {
                    return true;
                }
            }
            else if (item.Kind == TriviaKind.Comment)
            {
                newLines = 0;
            }
        }
        return false;
    }
}
