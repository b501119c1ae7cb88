// WRONG: reads only the first file and counts levels case-sensitively.
namespace Bench.FileData.LogLevelReport;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: LogLevelReport <file>...");
            return 2;
        }

        if (!File.Exists(args[0]))
        {
            Console.Error.WriteLine($"error: file not found: {args[0]}");
            return 1;
        }

        var counts = File.ReadLines(args[0])
            .Where(l => l.Contains('[') && l.Contains(']'))
            .GroupBy(l => l[(l.IndexOf('[') + 1)..l.IndexOf(']')])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var g in counts)
        {
            Console.WriteLine($"{g.Key} {g.Count()}");
        }

        Console.WriteLine($"total {counts.Sum(g => g.Count())}");
        return 0;
    }
}
