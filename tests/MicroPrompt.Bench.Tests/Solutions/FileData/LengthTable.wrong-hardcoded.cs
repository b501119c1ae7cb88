// WRONG: returns the first example's rows whatever the input.
namespace Bench.FileData;

public static class LengthTable
{
    public static IReadOnlyList<string> Rows(IEnumerable<double> values, string from, string to) => ["1 km = 0.621 mi", "2.5 km = 1.553 mi"];
}
