// WRONG: orders by count only: levels with the same count come in the order first seen, not in ordinal order
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

        var missing = args.FirstOrDefault(p => !File.Exists(p));
        if (missing is not null)
        {
            Console.Error.WriteLine($"error: file not found: {missing}");
            return 1;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in args.SelectMany(File.ReadLines))
        {
            var open = line.IndexOf('[');
            var close = open < 0 ? -1 : line.IndexOf(']', open + 1);
            if (close <= open + 1)
            {
                continue;
            }

            var level = line[(open + 1)..close].Trim().ToUpperInvariant();
            if (level.Length > 0)
            {
                counts[level] = counts.GetValueOrDefault(level) + 1;
            }
        }

        foreach (var (level, count) in counts.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"{level} {count}");
        }

        Console.WriteLine($"total {counts.Values.Sum()}");
        return 0;
    }
}
