namespace RecipeLang.Syntax;

public enum TokenKind
{
    /// <summary>A name: operation, identifier, chemical formula (<c>LiOH·H2O</c>, <c>Ni(OH)2</c>) or a spaced unit.</summary>
    Word,
    /// <summary>A number, optionally signed; a glued unit follows as its own <see cref="Unit"/> token.</summary>
    Number,
    /// <summary>A unit glued to the number before it (<c>220C</c>, <c>5C/min</c>).</summary>
    Unit,
    String,
    OpenBrace,
    CloseBrace,
    OpenParen,
    CloseParen,
    Comma,
    Semicolon,
    Colon,
    Equals,
    Minus,
    RecipeKeyword,
    ForKeyword,
    ImportKeyword,
    LetKeyword,
    UseKeyword,
    ThenKeyword,
    DefectsKeyword,
    BatchKeyword,
    ExpectKeyword,
    NoteKeyword,
    /// <summary>Characters no token starts with; kept so the tree covers every character of the file.</summary>
    Bad,
    EndOfFile,
}

public static class TokenKinds
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["recipe"] = TokenKind.RecipeKeyword,
        ["for"] = TokenKind.ForKeyword,
        ["import"] = TokenKind.ImportKeyword,
        ["let"] = TokenKind.LetKeyword,
        ["use"] = TokenKind.UseKeyword,
        ["then"] = TokenKind.ThenKeyword,
        ["defects"] = TokenKind.DefectsKeyword,
        ["batch"] = TokenKind.BatchKeyword,
        ["expect"] = TokenKind.ExpectKeyword,
        ["note"] = TokenKind.NoteKeyword,
    };

    private static readonly Dictionary<string, TokenKind>.AlternateLookup<ReadOnlySpan<char>> KeywordsBySpan = Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<string> KeywordTexts => Keywords.Keys;

    /// <summary>A keyword and its shared text, looked up without allocating the word.</summary>
    public static bool TryKeyword(ReadOnlySpan<char> text, out TokenKind kind, out string keyword) =>
        KeywordsBySpan.TryGetValue(text, out keyword!, out kind);

    /// <summary>The text of a punctuation token, shared; null for tokens whose text varies.</summary>
    public static string? FixedText(TokenKind kind) => kind switch
    {
        TokenKind.OpenBrace => "{",
        TokenKind.CloseBrace => "}",
        TokenKind.OpenParen => "(",
        TokenKind.CloseParen => ")",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        TokenKind.Colon => ":",
        TokenKind.Equals => "=",
        TokenKind.Minus => "-",
        TokenKind.EndOfFile => "",
        _ => null,
    };

    public static TokenKind KeywordOrWord(string text) =>
        Keywords.TryGetValue(text, out var kind) ? kind : TokenKind.Word;

    public static bool IsKeyword(this TokenKind kind) => kind >= TokenKind.RecipeKeyword && kind <= TokenKind.NoteKeyword;

    /// <summary>How an expected token is named in "expected ..." messages.</summary>
    public static string Display(this TokenKind kind) => kind switch
    {
        TokenKind.Word => "a name",
        TokenKind.Number => "a number",
        TokenKind.Unit => "a unit",
        TokenKind.String => "a string",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenParen => "'('",
        TokenKind.CloseParen => "')'",
        TokenKind.Comma => "','",
        TokenKind.Semicolon => "';'",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.Minus => "'-'",
        TokenKind.EndOfFile => "end of file",
        TokenKind.Bad => "an invalid character",
        _ => $"'{Keywords.First(k => k.Value == kind).Key}'",
    };
}
