namespace RecipeLang.Compiler.Lowering;

/// <summary>
/// A checked recipe that still cannot become a plan (a reagent to size with no material named, a step with no
/// template). The message names the step and its line; front ends print it as a recipe error, never a stack trace.
/// </summary>
public sealed class LoweringException(string message) : Exception(message);
