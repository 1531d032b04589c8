using RecipeLang.Binding;
using RecipeLang.Diagnostics;
using RecipeLang.Syntax;
using RecipeLang.Text;

namespace RecipeLang.Checking.Rules;

/// <summary>A constant no recipe reads is dead text, or a typo where it was meant to be used.</summary>
public sealed class UnusedLetRule() : FileRule(Descriptors.UnusedLet)
{
    public override bool ReadsRecipes => false;

    public override void Check(RuleContext context, BoundFile file)
    {
        foreach (var statement in file.Tree.Root.Statements)
        {
            if (statement is not LetSyntax let || file.UsedConstants.Contains(let.Name.Text))
            {
                continue;
            }
            context.Report(Descriptor.Create(context.Source, let.Name.Span, let.Name.Text)
                .WithFix($"Remove '{let.Name.Text}'", new TextChange(WholeLine(context.Source, let), "")));
        }
    }

    /// <summary>The statement's whole line with its line break, so that removing it leaves no blank line.</summary>
    private static TextSpan WholeLine(SourceText source, StatementSyntax statement)
    {
        var line = source.GetPosition(statement.Span.Start).Line;
        var span = source.GetLineSpan(line);
        var next = line + 1 < source.LineCount ? source.GetOffset(new LinePosition(line + 1, 0)) : span.End;
        return TextSpan.FromBounds(span.Start, next);
    }
}
