using System.Globalization;

namespace Bench.FileData;

public sealed record WeekTotal(string Week, decimal Total);

public static class WeeklyTotals
{
    public static IReadOnlyList<WeekTotal> Group(IEnumerable<(DateOnly Date, decimal Amount)> entries) => entries
        .GroupBy(e =>
        {
            var date = e.Date.ToDateTime(TimeOnly.MinValue);
            return (Year: ISOWeek.GetYear(date), Week: ISOWeek.GetWeekOfYear(date));
        })
        .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Week)
        .Select(g => new WeekTotal($"{g.Key.Year:D4}-W{g.Key.Week:D2}", g.Sum(e => e.Amount)))
        .ToList();
}
