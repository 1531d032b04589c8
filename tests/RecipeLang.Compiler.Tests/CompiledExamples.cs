namespace RecipeLang.Compiler.Tests;

/// <summary>All Table-1 examples compiled into one assembly once for the whole test run (Roslyn is the slow part).</summary>
public static class CompiledExamples
{
    private static readonly Lazy<CompiledPlans> LazyPlans = new(() => PlanCompiler.Compile(Examples.Table1));

    public static CompiledPlans Plans => LazyPlans.Value;
}
