using MicroPrompt.Generation;

namespace MicroPrompt.Resolution;

/// <summary>What happened to one item.</summary>
public sealed class ItemResult
{
    public required string ItemPath { get; init; }

    public required ItemStatus Status { get; init; }

    public string? Model { get; init; }

    public string? Key { get; init; }

    /// <summary>The <c>.g.cs</c> emitted for the item, when one was.</summary>
    public string? GeneratedFile { get; init; }

    public int Passes { get; init; }

    public UsageTotals Usage { get; init; }

    public TimeSpan Duration { get; init; }
}
