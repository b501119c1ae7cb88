// WRONG: returns the first example's total whatever the price and quantity.
namespace Bench.BugFix;

public static class InvoiceMath
{
    public static decimal LineTotal(decimal unitPrice, int quantity) => 2.03m;
}
