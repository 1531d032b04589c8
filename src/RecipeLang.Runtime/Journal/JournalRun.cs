namespace RecipeLang.Runtime.Journal;

/// <summary>What a journal says about the last run in it: of which plan, whether it finished, and its latest time stamp.</summary>
public sealed record JournalRun(string Plan, string PlanHash, bool Completed, DateTimeOffset LastAt);
