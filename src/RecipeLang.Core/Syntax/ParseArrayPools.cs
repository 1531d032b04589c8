using System.Buffers;
using System.Numerics;
using Pidgin;
using Pidgin.Configuration;

namespace RecipeLang.Syntax;

/// <summary>
/// The arrays Pidgin rents while one parse runs. Pidgin rents a list for the expected tokens of every alternative that
/// fails (each argument's end, each number without a unit), and from <see cref="ArrayPool{T}.Shared"/> each rent and
/// return is a thread-local look-up: a tenth of a library's parse time. A parse runs on one thread, so each thread
/// keeps one set of free lists, looked up once per parse.
/// </summary>
internal sealed class ParseArrayPools : IArrayPoolProvider
{
    [ThreadStatic]
    private static IConfiguration<SyntaxToken>? _forThisThread;

    private readonly FreeList<Expected<SyntaxToken>> _expected = new();

    private readonly List<(Type Type, object Pool)> _pools = [];

    private ParseArrayPools()
    {
    }

    /// <summary>Pidgin's default settings with this thread's pools.</summary>
    public static IConfiguration<SyntaxToken> ConfigurationForThisThread() =>
        _forThisThread ??= Pidgin.Configuration.Configuration.WithArrayPoolProvider(Pidgin.Configuration.Configuration.Default<SyntaxToken>(), new ParseArrayPools());

    /// <summary>
    /// The pool for expected-lists of a parse with <paramref name="configuration"/>, without the generic virtual call
    /// of <see cref="IArrayPoolProvider.GetArrayPool{T}"/>.
    /// </summary>
    public static ArrayPool<Expected<SyntaxToken>> ExpectedPool(IConfiguration<SyntaxToken> configuration) =>
        configuration.ArrayPoolProvider is ParseArrayPools pools ? pools._expected : ArrayPool<Expected<SyntaxToken>>.Shared;

    public ArrayPool<T> GetArrayPool<T>()
    {
        if (typeof(T) == typeof(Expected<SyntaxToken>))
        {
            return (ArrayPool<T>)(object)_expected;
        }
        foreach (var (type, pool) in _pools)
        {
            if (type == typeof(T))
            {
                return (ArrayPool<T>)pool;
            }
        }
        var created = new FreeList<T>();
        _pools.Add((typeof(T), created));
        return created;
    }

    private sealed class FreeList<T> : ArrayPool<T>
    {
        /// <summary>Longer arrays (a parse that collected thousands of expectations) are left to the collector, not kept for the thread's life.</summary>
        private const int MaxKept = 1024;

        private readonly List<T[]> _free = [];

        public override T[] Rent(int minimumLength)
        {
            for (var i = _free.Count - 1; i >= 0; i--)
            {
                var array = _free[i];
                if (array.Length >= minimumLength)
                {
                    _free[i] = _free[^1];
                    _free.RemoveAt(_free.Count - 1);
                    return array;
                }
            }
            return new T[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, minimumLength)))];
        }

        public override void Return(T[] array, bool clearArray = false)
        {
            if (array.Length > MaxKept)
            {
                return;
            }
            if (clearArray)
            {
                Array.Clear(array);
            }
            _free.Add(array);
        }
    }
}
