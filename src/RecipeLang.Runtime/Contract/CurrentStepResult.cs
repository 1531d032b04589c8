namespace RecipeLang.Runtime;

/// <summary>
/// How a galvanostatic step ended: at its cut-off potential (early, the usual end of a relithiation) or
/// when its maximum time ran out. The executor reports and journals an early end.
/// </summary>
public sealed record CurrentStepResult(bool CutoffReached, TimeSpan Duration, Potential FinalPotential);
