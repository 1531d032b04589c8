namespace RecipeLang.Runtime;

/// <summary>What a running plan calls around each of its steps; the executor implements it.</summary>
public interface IStepContext
{
    /// <summary>
    /// Runs step `index` (its body's verbs), or skips it when a resumed run already finished it.
    /// Steps must be called in order 0, 1, 2, ...; the body receives the token to pass to every verb.
    /// </summary>
    Task StepAsync(int index, Func<CancellationToken, Task> body, CancellationToken cancellationToken);
}
