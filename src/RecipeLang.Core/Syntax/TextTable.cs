namespace RecipeLang.Syntax;

/// <summary>
/// One string per short spelling for token texts: reagents, units, numbers and operation names repeat thousands of
/// times in a library, and each token held its own copy of its text. A fixed table of
/// slots indexed by hash, shared by every thread (as Roslyn's StringTable): a slot holds the last spelling hashed to
/// it, so a collision costs a new string, never a wrong one, and racing writers only replace one valid entry with another.
/// </summary>
internal static class TextTable
{
    /// <summary>Longer texts get a string of their own.</summary>
    public const int MaxLength = 40;
    private static readonly string?[] Slots = new string?[1 << 14];

    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
        {
            return new string(text);
        }
        var slot = string.GetHashCode(text) & (Slots.Length - 1);
        var entry = Volatile.Read(ref Slots[slot]);
        if (entry is not null && text.SequenceEqual(entry))
        {
            return entry;
        }
        entry = new string(text);
        Volatile.Write(ref Slots[slot], entry);
        return entry;
    }
}
