// WRONG: string.Split on commas ignores quoting (splits "Smith, John" and keeps the quotes).
namespace Bench.FileData;

public static class CsvLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Split(',');
    }
}
