namespace MicroPrompt.Store;

/// <summary>What a generation cost when it was made.</summary>
public sealed record LockUsage
{
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>Model calls made (generation + repair passes).</summary>
    public int Passes { get; init; }
}
