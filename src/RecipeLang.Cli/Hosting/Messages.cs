namespace RecipeLang.Cli.Hosting;

/// <summary>Keeps what a message echoes from a user's input to a readable length.</summary>
public static class Messages
{
    public const int MaxEcho = 200;

    public static string Shorten(string text, int max = MaxEcho) =>
        text.Length <= max ? text : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..(max - 40)]}…{text[^20..]} ({text.Length:N0} characters)");
}
