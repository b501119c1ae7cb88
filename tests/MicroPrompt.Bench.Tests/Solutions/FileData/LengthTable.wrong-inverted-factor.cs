// WRONG: multiplies by the target unit's factor instead of dividing (converts the wrong way round).
using System.Globalization;

namespace Bench.FileData;

public static class LengthTable
{
    private static readonly Dictionary<string, double> Meters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mm"] = 0.001, ["cm"] = 0.01, ["m"] = 1, ["km"] = 1000, ["in"] = 0.0254, ["ft"] = 0.3048, ["yd"] = 0.9144, ["mi"] = 1609.344,
    };

    public static IReadOnlyList<string> Rows(IEnumerable<double> values, string from, string to)
    {
        if (!Meters.TryGetValue(from, out var f) || !Meters.TryGetValue(to, out var t))
        {
            throw new ArgumentException($"Unknown unit '{from}' or '{to}'.");
        }

        return values.Select(v => $"{Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture)} {from.ToLowerInvariant()} = "
            + $"{Math.Round(v * f * t, 3).ToString("0.###", CultureInfo.InvariantCulture)} {to.ToLowerInvariant()}").ToList();
    }
}
