namespace MicroPrompt.Store;

/// <summary>What a generation cost when it was made.</summary>
public sealed class LockUsage
{
    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    /// <summary>Model calls made (generation + repair passes).</summary>
    public int Passes { get; set; }
}
