// WRONG: sums correctly but reports every problem with exit code 0 (and skips bad values instead of failing).
using System.Globalization;

namespace Bench.FileData.CsvColumnSum;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: CsvColumnSum <file.csv> <column>");
            return 0;
        }

        var lines = File.ReadAllLines(args[0]);
        var index = Array.IndexOf(lines[0].Split(','), args[1]);
        if (index < 0)
        {
            return 0;
        }

        var sum = lines.Skip(1)
            .Select(l => l.Split(','))
            .Where(c => index < c.Length && decimal.TryParse(c[index], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .Sum(c => decimal.Parse(c[index], CultureInfo.InvariantCulture));
        Console.WriteLine(sum.ToString("0.00", CultureInfo.InvariantCulture));
        return 0;
    }
}
