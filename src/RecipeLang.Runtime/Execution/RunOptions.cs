namespace RecipeLang.Runtime.Execution;

public sealed record RunOptions
{
    /// <summary>The JSON-lines journal; an unfinished run of the same plan in it is resumed. Null: no journal.</summary>
    public string? JournalPath { get; init; }

    /// <summary>
    /// Run a plan stamped with another equipment profile, because someone re-checked the recipe
    /// against this one.
    /// </summary>
    public bool ProfileRechecked { get; init; }

    /// <summary>The clock for progress and journal times: the simulator's virtual clock in a dry run.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often the interlock looks at the sensors during a hold.</summary>
    public TimeSpan WatchInterval { get; init; } = TimeSpan.FromMinutes(1);
}
