namespace MicroPrompt.Tool.Planning;

/// <summary>One item of <c>plan</c>: what the next unlocked build does with it and what that is estimated to cost.</summary>
public sealed record PlannedWork
{
    public required string Path { get; init; }

    /// <summary>generate, regenerate, regenerated-if-its-code-changes, conflict (the build stops), none.</summary>
    public required string Action { get; init; }

    public required string State { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public string? Model { get; init; }

    /// <summary>Input tokens of all passes (the composed first-pass messages × passes).</summary>
    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public double? Passes { get; init; }

    /// <summary>history (the lock entry's last usage) or heuristic (from the code size).</summary>
    public string? OutputEstimate { get; init; }

    public string? Tokenizer { get; init; }

    /// <summary>Null when the model has no price in the price table.</summary>
    public decimal? EstimatedCostUsd { get; init; }
}
