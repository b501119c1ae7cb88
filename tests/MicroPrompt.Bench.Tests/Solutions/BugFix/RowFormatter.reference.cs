namespace Bench.BugFix;

public static class RowFormatter
{
    public static string Format(params string[] fields) => string.Join(" | ", fields);
}
