namespace Bench.BugFix;

public static class InvoiceMath
{
    public static decimal LineTotal(decimal unitPrice, int quantity) => Math.Round(unitPrice * quantity, 2, MidpointRounding.AwayFromZero);
}
