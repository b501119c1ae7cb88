// WRONG: the defective code from the prompt, unchanged.
namespace Bench.BugFix;

public static class InvoiceMath
{
    /// <summary>The line total, rounded to cents as the tax office requires (half away from zero).</summary>
    public static decimal LineTotal(decimal unitPrice, int quantity) => Math.Round(unitPrice * quantity, 2);
}
