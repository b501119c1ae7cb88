// WRONG: returns the first example's weeks whatever the entries.
namespace Bench.FileData;

public sealed record WeekTotal(string Week, decimal Total);

public static class WeeklyTotals
{
    public static IReadOnlyList<WeekTotal> Group(IEnumerable<(DateOnly Date, decimal Amount)> entries)
        => [new WeekTotal("2024-W10", 15m), new WeekTotal("2024-W11", 1m)];
}
