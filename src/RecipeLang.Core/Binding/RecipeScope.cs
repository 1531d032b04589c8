using System.Collections;
using System.Diagnostics.CodeAnalysis;
using RecipeLang.Syntax;

namespace RecipeLang.Binding;

/// <summary>
/// The recipes a file can <c>use</c>: its own, which hide imported ones of the same name, and the imported ones. The
/// file's own are held as names of top-level items and made into symbols when looked up: an edit of a large file
/// binds it again, and a symbol for each of its tens of thousands of recipes would be garbage at the next keystroke.
/// </summary>
internal sealed class RecipeScope : IReadOnlyDictionary<string, RecipeSymbol>
{
    private readonly SyntaxTree _tree;
    private readonly IReadOnlyDictionary<string, RecipeSymbol> _imported;
    private readonly IReadOnlyDictionary<string, BoundValue> _constants;

    /// <summary>The file's own recipes: name → index of the statement (and item) that defines it first.</summary>
    private readonly Dictionary<string, int> _local;

    // The symbols made so far; most binds look up no recipe of their own file.
    private Dictionary<string, RecipeSymbol>? _made;

    public RecipeScope(SyntaxTree tree, IReadOnlyDictionary<string, RecipeSymbol> imported, IReadOnlyDictionary<string, BoundValue> constants, int capacity)
    {
        _tree = tree;
        _imported = imported;
        _constants = constants;
        _local = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
    }

    /// <summary>Adds the recipe of statement <paramref name="index"/>; false, with the index of the first, when the file already defines the name.</summary>
    public bool TryAddLocal(string name, int index, out int first)
    {
        if (_local.TryAdd(name, index))
        {
            first = index;
            return true;
        }
        first = _local[name];
        return false;
    }

    /// <summary>What a name resolves to, comparable across versions: a recipe of this file by its item's key, an imported one by its symbol.</summary>
    public object? Identity(string name) =>
        _local.TryGetValue(name, out var index) ? _tree.Items[index].Id : _imported.GetValueOrDefault(name);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out RecipeSymbol value)
    {
        if (_local.TryGetValue(key, out var index))
        {
            lock (_local)
            {
                _made ??= new Dictionary<string, RecipeSymbol>(StringComparer.Ordinal);
                if (!_made.TryGetValue(key, out value))
                {
                    var recipe = (RecipeSyntax)_tree.Root.Statements[index];
                    value = new RecipeSymbol(key, recipe, _tree.Source, _constants) { ItemId = _tree.Items[index].Id };
                    _made.Add(key, value);
                }
            }
            return true;
        }
        return _imported.TryGetValue(key, out value);
    }

    public RecipeSymbol this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>In the order a dictionary filled with the imported recipes and then the file's own would list them.</summary>
    public IEnumerable<string> Keys => _imported.Keys.Concat(_local.Keys.Where(k => !_imported.ContainsKey(k)));

    public IEnumerable<RecipeSymbol> Values => Keys.Select(k => this[k]);

    public int Count => _imported.Count + _local.Keys.Count(k => !_imported.ContainsKey(k));

    public bool ContainsKey(string key) => _local.ContainsKey(key) || _imported.ContainsKey(key);

    public IEnumerator<KeyValuePair<string, RecipeSymbol>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
