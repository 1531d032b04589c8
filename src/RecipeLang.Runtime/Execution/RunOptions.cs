namespace RecipeLang.Runtime.Execution;

public sealed record RunOptions
{
    /// The JSON-lines journal; an unfinished run of the same plan in it is resumed. Null: no journal.
    public string? JournalPath { get; init; }

    /// Run a plan stamped with another equipment profile, because someone re-checked the recipe
    /// against this one.
    public bool ProfileRechecked { get; init; }

    /// The clock for progress and journal times: the simulator's virtual clock in a dry run.
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// How often the interlock looks at the sensors during a hold.
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromMinutes(1);
}
