namespace MicroPrompt.Cost;

/// <summary>The JSON shape of a price table file (built-in defaults and <c>MicroPromptPriceTable</c>).</summary>
public sealed class PriceTableFile
{
    /// <summary>The date the prices were taken (ISO 8601, e.g. 2025-10-20).</summary>
    public string? AsOf { get; set; }

    /// <summary>Always USD; any other value is rejected.</summary>
    public string? Currency { get; set; }

    /// <summary>Model id → price. Ids match case-insensitively.</summary>
    public Dictionary<string, PriceTableEntry> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
