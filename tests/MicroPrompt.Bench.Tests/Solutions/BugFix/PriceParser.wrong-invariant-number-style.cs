// WRONG: uses the invariant culture but the default number style, which accepts "2,5" and "1,234.50" (thousands separators).
using System.Globalization;

namespace Bench.BugFix;

public static class PriceParser
{
    public static decimal Parse(string text) => decimal.Parse(text.Trim(), CultureInfo.InvariantCulture);
}
