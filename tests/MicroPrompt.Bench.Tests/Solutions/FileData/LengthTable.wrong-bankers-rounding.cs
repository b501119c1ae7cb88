// WRONG: rounds to three decimals with Math.Round's default (half to even), not half away from zero
using System.Globalization;

namespace Bench.FileData;

public static class LengthTable
{
    private static readonly Dictionary<string, double> Meters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mm"] = 0.001,
        ["cm"] = 0.01,
        ["m"] = 1,
        ["km"] = 1000,
        ["in"] = 0.0254,
        ["ft"] = 0.3048,
        ["yd"] = 0.9144,
        ["mi"] = 1609.344,
    };

    public static IReadOnlyList<string> Rows(IEnumerable<double> values, string from, string to)
    {
        var fromFactor = Factor(from);
        var toFactor = Factor(to);
        return values
            .Select(v => $"{Format(v)} {from.ToLowerInvariant()} = {Format(v * fromFactor / toFactor)} {to.ToLowerInvariant()}")
            .ToList();
    }

    private static double Factor(string unit) => Meters.TryGetValue(unit, out var factor)
        ? factor
        : throw new ArgumentException($"Unknown length unit '{unit}'.", nameof(unit));

    private static string Format(double value)
    {
        var rounded = Math.Round((decimal)value, 3);
        return rounded == 0 ? "0" : rounded.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
