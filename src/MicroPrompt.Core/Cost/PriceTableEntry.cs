namespace MicroPrompt.Cost;

/// <summary>One model's row in a price table file.</summary>
public sealed class PriceTableEntry
{
    public decimal? InputPerMillion { get; set; }

    public decimal? OutputPerMillion { get; set; }
}
