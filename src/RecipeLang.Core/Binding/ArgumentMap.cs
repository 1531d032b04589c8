using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RecipeLang.Binding;

/// <summary>
/// A step's (or a defect's) arguments by parameter name, in the order they are written: an immutable array of
/// pairs, searched linearly. A step has a handful of arguments, so a look-up is a few string compares, building it
/// is one array, and enumerating it allocates nothing; its order is the source's (a hash map's would follow string
/// hash codes, which differ from process to process).
/// </summary>
public sealed class ArgumentMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private readonly KeyValuePair<string, TValue>[] _entries;

    private ArgumentMap(KeyValuePair<string, TValue>[] entries) => _entries = entries;

    public static ArgumentMap<TValue> Empty { get; } = new([]);

    public int Count => _entries.Length;

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No argument '{key}'.");

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<TValue> Values => _entries.Select(e => e.Value);

    public bool ContainsKey(string key) => IndexOf(_entries, _entries.Length, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(_entries, _entries.Length, key);
        value = index >= 0 ? _entries[index].Value : default;
        return index >= 0;
    }

    public TValue? GetValueOrDefault(string key)
    {
        var index = IndexOf(_entries, _entries.Length, key);
        return index >= 0 ? _entries[index].Value : default;
    }

    public Enumerator GetEnumerator() => new(_entries);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    private static int IndexOf(KeyValuePair<string, TValue>[] entries, int count, string key)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    public struct Enumerator(KeyValuePair<string, TValue>[] entries)
    {
        private int _index = -1;

        public readonly KeyValuePair<string, TValue> Current => entries[_index];

        public bool MoveNext() => ++_index < entries.Length;
    }

    /// <summary>Collects arguments as they are bound; setting a name again replaces its value in place.</summary>
    public sealed class Builder(int capacity = 0)
    {
        private KeyValuePair<string, TValue>[] _entries = capacity == 0 ? [] : new KeyValuePair<string, TValue>[capacity];
        private int _count;

        public int Count => _count;

        /// <summary>The value at a position, in the order the names were first set.</summary>
        public TValue ValueAt(int index) => index < _count ? _entries[index].Value : throw new ArgumentOutOfRangeException(nameof(index));

        public bool ContainsKey(string key) => IndexOf(_entries, _count, key) >= 0;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
        {
            var index = IndexOf(_entries, _count, key);
            value = index >= 0 ? _entries[index].Value : default;
            return index >= 0;
        }

        public TValue? GetValueOrDefault(string key) => TryGetValue(key, out var value) ? value : default;

        public TValue this[string key]
        {
            set
            {
                var index = IndexOf(_entries, _count, key);
                if (index >= 0)
                {
                    _entries[index] = new(key, value);
                    return;
                }
                if (_count == _entries.Length)
                {
                    Array.Resize(ref _entries, Math.Max(4, _count * 2));
                }
                _entries[_count++] = new(key, value);
            }
        }

        public void Clear()
        {
            Array.Clear(_entries, 0, _count);
            _count = 0;
        }

        /// <summary>The map of what was set; the builder is empty afterwards (its array becomes the map's when it is full).</summary>
        public ArgumentMap<TValue> DrainToMap()
        {
            if (_count == 0)
            {
                return Empty;
            }
            ArgumentMap<TValue> map;
            if (_count == _entries.Length)
            {
                map = new(_entries);
                _entries = [];
            }
            else
            {
                map = new(_entries[.._count]);
                Array.Clear(_entries, 0, _count);
            }
            _count = 0;
            return map;
        }
    }
}
