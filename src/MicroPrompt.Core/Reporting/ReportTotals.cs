namespace MicroPrompt.Reporting;

/// <summary>The build's totals. Dollars are null when some price was unknown ("unknown", never zero).</summary>
public sealed class ReportTotals
{
    public int Items { get; init; }

    public int Resolved { get; init; }

    public int Cached { get; init; }

    /// <summary>Taken from the team's shared cache (another builder paid for it).</summary>
    public int Shared { get; init; }

    public int Generated { get; init; }

    public int Failed { get; init; }

    public int Refused { get; init; }

    public int Skipped { get; init; }

    /// <summary>Stubs and unresolved items (design-time builds).</summary>
    public int Unresolved { get; init; }

    /// <summary>Items whose code compiles and passes every example.</summary>
    public int Correct { get; init; }

    /// <summary>Model calls made in this build (generation + repair passes).</summary>
    public int ModelCalls { get; init; }

    /// <summary>Judge calls made in this build.</summary>
    public int JudgeCalls { get; init; }

    /// <summary>Tokens spent in this build (generation, repair and judge calls).</summary>
    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    /// <summary>Dollars spent in this build.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Dollars this build did not spend because items came from the resolved state or the cache (what they originally cost).</summary>
    public decimal? SavedUsd { get; init; }

    /// <summary>This build's dollars per item made correct in this build (null when none was).</summary>
    public decimal? CostPerCorrectUsd { get; init; }

    /// <summary>Mean judge score over the items that have one.</summary>
    public double? JudgeMean { get; init; }

    public long DurationMs { get; init; }
}
