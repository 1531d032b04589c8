namespace RecipeLang.Runtime.Journal;

/// <summary>One line of a run journal. Which fields are set depends on Event (see JournalEvents).</summary>
public sealed record JournalEntry
{
    public required string Event { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Plan { get; init; }
    public string? PlanHash { get; init; }
    public string? ProfileHash { get; init; }
    /// <summary>On run-started: the first step this run executes (0 for a fresh run, later when resuming).</summary>
    public int? ResumeAt { get; init; }
    /// <summary>0-based step index.</summary>
    public int? Step { get; init; }
    public string? Description { get; init; }
    /// <summary>On charged: the charge's ordinal within its step (0-based).</summary>
    public int? Charge { get; init; }
    public string? File { get; init; }
    public int? Line { get; init; }
    public int? Column { get; init; }
    public string? Message { get; init; }

    /// <summary>The 1-based line the entry was read from (0 when not read from a file), for messages that name it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int JournalLine { get; init; }
}
