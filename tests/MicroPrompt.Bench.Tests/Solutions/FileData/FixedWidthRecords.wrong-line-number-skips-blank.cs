// WRONG: counts only non-blank lines, so the FormatException names the wrong line when blank lines come first
using System.Globalization;

namespace Bench.FileData;

public sealed record FixedWidthRecord(string AccountId, string Holder, decimal Amount);

public static class FixedWidthRecords
{
    public static IReadOnlyList<FixedWidthRecord> Parse(string text)
    {
        var records = new List<FixedWidthRecord>();
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            line = line.PadRight(38);
            var amountText = line.Substring(28, 10).Trim();
            if (!long.TryParse(amountText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents))
            {
                throw new FormatException($"line {i + 1}: the amount '{amountText}' is not a number of cents.");
            }

            records.Add(new FixedWidthRecord(line[..8].Trim(), line.Substring(8, 20).Trim(), cents / 100m));
        }

        return records;
    }
}
