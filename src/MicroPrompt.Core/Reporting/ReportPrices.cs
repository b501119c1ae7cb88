namespace MicroPrompt.Reporting;

/// <summary>Which price table the dollars come from.</summary>
public sealed class ReportPrices
{
    /// <summary>The date the prices were taken.</summary>
    public string? AsOf { get; init; }

    /// <summary>"built-in", or the file name of <c>MicroPromptPriceTable</c>.</summary>
    public required string Source { get; init; }

    public string Currency { get; init; } = "USD";
}
