namespace MicroPrompt.Cost;

/// <summary>A model's list price in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">Dollars per 1,000,000 input (prompt) tokens.</param>
/// <param name="OutputPerMillion">Dollars per 1,000,000 output (completion) tokens.</param>
public sealed record ModelPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>Dollars for <paramref name="inputTokens"/> in and <paramref name="outputTokens"/> out.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}
