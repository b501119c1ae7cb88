namespace MicroPrompt.Prompts;

/// <summary>Limits applied by <see cref="PromptParser"/>.</summary>
public sealed class PromptParserOptions
{
    /// <summary>The default for <see cref="MaxBytes"/>: 256 KiB.</summary>
    public const int DefaultMaxBytes = 256 * 1024;

    private readonly int _maxBytes = DefaultMaxBytes;

    /// <summary>Options with every default.</summary>
    public static PromptParserOptions Default { get; } = new();

    /// <summary>The largest prompt accepted, in UTF-8 bytes (BOM excluded); larger ones get <c>MP0004</c>.</summary>
    public int MaxBytes
    {
        get => _maxBytes;
        init => _maxBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBytes must be positive.");
    }
}
