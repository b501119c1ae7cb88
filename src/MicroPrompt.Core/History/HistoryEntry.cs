using MicroPrompt.Store;

namespace MicroPrompt.History;

/// <summary>One resolution of an item in <see cref="ItemHistory"/>: what it was, when, what it cost.</summary>
public sealed class HistoryEntry
{
    /// <summary>1 for the newest; what <c>diff &lt;item&gt; &lt;i&gt; &lt;j&gt;</c> takes.</summary>
    public required int Index { get; init; }

    public required HistorySource Source { get; init; }

    /// <summary>The commit (full id) for <see cref="HistorySource.Commit"/>; null otherwise.</summary>
    public string? Revision { get; init; }

    /// <summary>The commit's subject line, when from a commit.</summary>
    public string? Subject { get; init; }

    /// <summary>When the code was resolved (the entry's generation time; the commit time when the entry has none).</summary>
    public required DateTimeOffset When { get; init; }

    public required string Model { get; init; }

    /// <summary>One of <see cref="LockOrigins"/>, or null for entries written before origins were recorded.</summary>
    public string? Origin { get; init; }

    public required string Key { get; init; }

    public required string PromptHash { get; init; }

    public required string CodeHash { get; init; }

    /// <summary>The code hash this resolution started from (an edit, a hand edit), or null.</summary>
    public string? Base { get; init; }

    public int Passes { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>The generation's cost with the price table, or null when the model has no price.</summary>
    public decimal? CostUsd { get; init; }

    public LockGrade? Grade { get; init; }

    /// <summary>The store-relative code file at that resolution (read from git or the user cache for <c>--patch</c>).</summary>
    public string? CodeFile { get; init; }
}
