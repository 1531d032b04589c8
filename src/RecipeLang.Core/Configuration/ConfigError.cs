namespace RecipeLang.Configuration;

/// <summary>A mistake in a config file, at a 1-based line and column (columns count characters, not bytes).</summary>
public sealed record ConfigError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path}:{Line}:{Column}: error: {Message}";
}

/// <summary>A parsed config, or the errors that prevented it (never both).</summary>
public sealed record SiteConfigResult(SiteConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    public bool Success => Config is not null;
}
