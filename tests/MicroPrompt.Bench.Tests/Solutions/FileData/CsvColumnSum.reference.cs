using System.Globalization;

namespace Bench.FileData.CsvColumnSum;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: CsvColumnSum <file.csv> <column>");
            return 2;
        }

        var (path, column) = (args[0], args[1]);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: file not found: {path}");
            return 1;
        }

        var lines = File.ReadAllLines(path);
        var header = lines.Length == 0 ? [] : lines[0].Split(',');
        var index = Array.IndexOf(header, column);
        if (index < 0)
        {
            Console.Error.WriteLine($"error: no column '{column}'");
            return 1;
        }

        var sum = 0m;
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            var cell = index < cells.Length ? cells[index].Trim() : "";
            if (cell.Length == 0)
            {
                continue;
            }

            if (!decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                Console.Error.WriteLine($"error: line {i + 1}: '{cell}' is not a number");
                return 1;
            }

            sum += value;
        }

        Console.WriteLine(sum.ToString("0.00", CultureInfo.InvariantCulture));
        return 0;
    }
}
