using MicroPrompt.Cost;

namespace MicroPrompt.History;

/// <summary>Where an item's history lives: its project, store and the user cache, and the prices to cost it with.</summary>
public sealed record HistoryContext
{
    public required string ProjectDirectory { get; init; }

    public required string StoreDirectory { get; init; }

    /// <summary>The item's path relative to the project, '/' separated (the lock's key).</summary>
    public required string ItemPath { get; init; }

    /// <summary>The user cache (generations never committed, prompt snapshots), or null for none.</summary>
    public string? UserCacheDirectory { get; init; }

    public PriceTable Prices { get; init; } = PriceTable.Default;

    /// <summary>The prompt file's full path.</summary>
    public string PromptPath => Path.GetFullPath(Path.Combine(ProjectDirectory, ItemPath));
}
