using MicroPrompt.Cost;

namespace MicroPrompt.Reporting;

/// <summary>What <see cref="BuildReportBuilder"/> needs besides the resolution result.</summary>
public sealed class ReportContext
{
    public required string ProjectDirectory { get; init; }

    public required string ProjectName { get; init; }

    public required string GeneratorVersion { get; init; }

    public string? Provider { get; init; }

    public PriceTable Prices { get; init; } = PriceTable.Default;

    public double? MinJudgeScore { get; init; }

    public decimal? MaxCostUsd { get; init; }

    /// <summary>Values that must never appear in the report (e.g. the API key); replaced by "***".</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    public TimeSpan Duration { get; init; }

    /// <summary>The comparison tables of a model comparison run, or null.</summary>
    public ReportComparison? Comparison { get; init; }

    /// <summary>The dependability check's section, or null.</summary>
    public ReportDependability? Dependability { get; init; }
}
