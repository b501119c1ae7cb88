// WRONG: returns the first example's record whatever the input.
namespace Bench.FileData;

public sealed record FixedWidthRecord(string AccountId, string Holder, decimal Amount);

public static class FixedWidthRecords
{
    public static IReadOnlyList<FixedWidthRecord> Parse(string text) => [new FixedWidthRecord("ACC00001", "Ada Lovelace", 123.45m)];
}
