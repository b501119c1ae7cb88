// WRONG: uses the calendar year with the ISO week number, so 2024-12-30 becomes "2024-W01" instead of "2025-W01".
using System.Globalization;

namespace Bench.FileData;

public sealed record WeekTotal(string Week, decimal Total);

public static class WeeklyTotals
{
    public static IReadOnlyList<WeekTotal> Group(IEnumerable<(DateOnly Date, decimal Amount)> entries) => entries
        .GroupBy(e => $"{e.Date.Year:D4}-W{ISOWeek.GetWeekOfYear(e.Date.ToDateTime(TimeOnly.MinValue)):D2}")
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new WeekTotal(g.Key, g.Sum(e => e.Amount)))
        .ToList();
}
