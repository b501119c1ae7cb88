// WRONG: returns the first example's summary whatever the input.
namespace Bench.FileData;

public static class OrderSummary
{
    public static string Summarize(string json) => "alice=12.50\nbob=3.25";
}
