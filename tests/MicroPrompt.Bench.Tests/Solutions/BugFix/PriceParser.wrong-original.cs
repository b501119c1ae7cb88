// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class PriceParser
{
    /// <summary>Parses a price from the product feed, e.g. "1234.50" or "-0.99".</summary>
    public static decimal Parse(string text) => decimal.Parse(text.Trim());
}
