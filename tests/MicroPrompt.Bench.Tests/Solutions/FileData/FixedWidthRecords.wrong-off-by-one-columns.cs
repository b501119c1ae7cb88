// WRONG: reads the name from position 9 (off by one) and forgets that the amount is in cents.
using System.Globalization;

namespace Bench.FileData;

public sealed record FixedWidthRecord(string AccountId, string Holder, decimal Amount);

public static class FixedWidthRecords
{
    public static IReadOnlyList<FixedWidthRecord> Parse(string text)
    {
        var records = new List<FixedWidthRecord>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            line = line.PadRight(38);
            if (!decimal.TryParse(line.Substring(28, 10).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                throw new FormatException($"line {number}");
            }

            records.Add(new FixedWidthRecord(line[..8].Trim(), line.Substring(9, 19).Trim(), amount));
        }

        return records;
    }
}
