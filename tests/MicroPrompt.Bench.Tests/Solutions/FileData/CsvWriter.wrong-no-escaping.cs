// WRONG: quotes fields with commas but does not double the quotes inside, and ends rows with "\n".
namespace Bench.FileData;

public static class CsvWriter
{
    public static string Write(IEnumerable<IReadOnlyList<string?>> rows)
        => string.Concat(rows.Select(r => string.Join(",", r.Select(f => f is not null && f.Contains(',') ? $"\"{f}\"" : f ?? "")) + "\n"));
}
