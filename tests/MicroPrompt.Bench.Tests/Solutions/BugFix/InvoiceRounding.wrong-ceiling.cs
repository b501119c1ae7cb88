// WRONG: rounds up with Math.Ceiling, which is wrong for refunds and for amounts below the half cent.
namespace Bench.BugFix;

public static class InvoiceMath
{
    public static decimal LineTotal(decimal unitPrice, int quantity) => Math.Ceiling(unitPrice * quantity * 100) / 100;
}
